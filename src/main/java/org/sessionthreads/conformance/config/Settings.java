package org.sessionthreads.conformance.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings a profile may contain, their defaults, and how the flat key/value view becomes a
 * {@link TargetProfile}. the settings table (docs/settings.md, generated from SettingReference) lists the same keys.
 */
final class Settings {
    static final String DEFAULT_PROFILE = "reference";
    /** The profile of a run whose {@code target} is set but whose profile is not named. */
    static final String FOREIGN_TARGET_PROFILE = "neutral";
    /** The fixture kinds (wire names) the api strategy can be given a prompt for. */
    static final List<String> FIXTURE_KINDS = List.of("idle_child", "running_child", "waiting_coordinator",
            "child_with_pending_message");
    /** The kinds a pool can hold: a pending mailbox message is delivered soon after it was sent, so it cannot wait. */
    static final List<String> POOL_KINDS = List.of("idle_child", "running_child", "waiting_coordinator");
    static final Map<String, String> DEFAULTS = defaults();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(B|KB|MB|)");

    private Settings() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        // why: the readings and idempotency_key are the default dialect's; their keys keep their place in this order
        Map<String, String> dialect = Dialect.DEFAULT.defaults();
        d.put("description", "");
        d.put("target", "");
        d.put("fixtures", "");
        d.put("embedded", "reference");
        d.put("token_env", "");
        d.put("token_file", "");
        d.put("fixture_strategies", "hook");
        d.put("timeouts.event", "10s");
        d.put("timeouts.quiet", "1s");
        d.put("timeouts.request", "30s");
        d.put("timeouts.poll_interval", "20ms");
        d.put("timeouts.event_expected", "2s");
        d.put("event_channels", Arrays.stream(EventChannel.values()).filter(EventChannel::baseline)
                .map(EventChannel::wireName).collect(Collectors.joining(",")));
        d.put("capabilities.idempotency_key", dialect.get("capabilities.idempotency_key"));
        d.put("race.requests", "8");
        d.put("race.repetitions", "3");
        d.put("audit.settle", "2s");
        d.put("audit.max_sessions", "500");
        d.put("audit.max_pages", "20");
        // exploration (docs/explore.md): on, off, or certify (on exactly when certify is)
        d.put("explore.enabled", "certify");
        d.put("explore.depth", "3");
        d.put("explore.budget", "20000");
        d.put("explore.clients", "4");
        d.put("readings.archived_status", dialect.get("readings.archived_status"));
        d.put("readings.conflict_error_type", dialect.get("readings.conflict_error_type"));
        d.put("readings.rearchive", dialect.get("readings.rearchive"));
        // which documented shape of the API (Dialect): it decides the readings and idempotency_key left unset
        d.put("dialect", Dialect.DEFAULT.wireName());
        d.put("readings.error_codes", dialect.get("readings.error_codes"));
        d.put("strict", "false");
        d.put("gate_should", "");
        d.put("waivers", "");
        d.put("certify", "false");
        d.put("baseline", "");
        d.put("gate", "all");
        d.put("min_index", "0");
        d.put("baseline_latency_tolerance", "50%");
        d.put("reports_dir", "reports");
        d.put("timeouts.fixture", "120s");
        d.put("keep_failed_fixtures", "false");
        d.put("discovery", "true");
        d.put("discover_capabilities", "false");
        d.put("fail_fast", "false");
        d.put("console.verbose", "false");
        d.put("console.color", "true");
        d.put("limits.body", "4MB");
        d.put("limits.unanswered", "3");
        d.put("retry.budget", "60s");
        d.put("retry.attempts", "8");
        // scenarios (and their per-channel invocations) run at once; 1 runs them one after another
        d.put("concurrency", "4");
        // requests on the wire at once, all scenarios together; at least race.requests so a race stays simultaneous
        d.put("limits.in_flight", "8");
        // requests started per second, all scenarios together; 0 = no cap
        d.put("limits.rate", "20");
        for (String kind : FIXTURE_KINDS) {
            d.put("api.prompts." + kind, "");
        }
        d.put("api.agent.model", "ultimate");
        d.put("api.environment_id", "");
        d.put("api.deliver_after", "");
        for (String kind : POOL_KINDS) {
            d.put("pools." + kind, "");
        }
        return Map.copyOf(d);
    }

    static String envName(String key) {
        return "CONFORMANCE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static void checkKeys(String file, Set<String> keys) {
        if (keys.contains("token")) {
            throw new ProfileException("profile " + file + " contains a token: tokens never go in a profile; "
                    + "use CONFORMANCE_TOKEN, token_env or token_file");
        }
        if (keys.contains("reports_dir")) { // why: the run summary reads it from the launcher only, not from a file
            throw new ProfileException("profile " + file + " sets reports_dir: it is chosen per run with "
                    + "-Dconformance.reports_dir (or a JUnit configuration parameter)");
        }
        List<String> unknown = keys.stream()
                .filter(k -> !DEFAULTS.containsKey(k) && !k.startsWith("embedded_options.")).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ProfileException("profile " + file + " has unknown settings " + unknown + "; known: "
                    + new TreeMap<>(DEFAULTS).keySet() + ", extends and embedded_options.*");
        }
    }

    static TargetProfile toProfile(String name, Map<String, String> v, Optional<Secret> token,
                                   EffectiveSettings effective) {
        List.of("fail_fast", "console.verbose", "console.color").forEach(key -> bool(v, key)); // why: read from effective
        concurrency(v); // why: validated with the rest; TargetProfile.concurrency() reads the effective value
        explore(v); // why: the same; TargetProfile.explore() reads the effective values
        GateSettings.check(v); // why: the same; the run's summary reads the effective values (baseline.BaselineGate)
        Map<String, String> embeddedOptions = v.entrySet().stream()
                .filter(e -> e.getKey().startsWith("embedded_options.") && !e.getValue().isBlank())
                .collect(Collectors.toMap(e -> e.getKey().substring("embedded_options.".length()),
                        Map.Entry::getValue, (a, b) -> b, TreeMap::new));
        Timeouts timeouts = new Timeouts(duration(v, "timeouts.event"), duration(v, "timeouts.quiet"),
                duration(v, "timeouts.request"), duration(v, "timeouts.poll_interval"),
                duration(v, "timeouts.event_expected"));
        Readings readings = new Readings(v.get("readings.archived_status").strip(),
                v.get("readings.conflict_error_type").strip(), Readings.Rearchive.parse(v.get("readings.rearchive")),
                Dialect.parse(v.get("dialect")), bool(v, "readings.error_codes"));
        List<String> strategies = Arrays.stream(v.get("fixture_strategies").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new TargetProfile(name, v.get("description"), url("target", v.get("target")),
                v.get("embedded").strip(), embeddedOptions, url("fixtures", v.get("fixtures")),
                strategies, token, timeouts, readings, bool(v, "strict"), java.nio.file.Path.of(v.get("waivers")),
                bool(v, "certify"), capabilities(v), race(v), fixtureSettings(v), gateShould(v), effective,
                new TargetProfile.DiscoverySettings(bool(v, "discovery"), bool(v, "discover_capabilities")),
                transportLimits(v), new TargetProfile.Audit(duration(v, "audit.settle"),
                        count(v, "audit.max_sessions", 1), count(v, "audit.max_pages", 1)));
    }

    /** Requirement ids as written (upper case); whether each is a SHOULD of the catalogue is checked at run start. */
    private static List<String> gateShould(Map<String, String> v) {
        return Arrays.stream(v.get("gate_should").split(",")).map(id -> id.strip().toUpperCase(Locale.ROOT))
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    private static TransportLimits transportLimits(Map<String, String> v) {
        int inFlight = count(v, "limits.in_flight", 1);
        int raceRequests = count(v, "race.requests", 2);
        if (inFlight < raceRequests) { // why: a race whose requests queue behind the cap is no race
            throw new ProfileException("limits.in_flight (" + inFlight + ") must be at least race.requests ("
                    + raceRequests + "), or the race kit's simultaneous requests would wait for each other");
        }
        return new TransportLimits(size(v, "limits.body", 1024), count(v, "limits.unanswered", 1),
                duration(v, "retry.budget"), count(v, "retry.attempts", 1), inFlight, count(v, "limits.rate", 0));
    }

    /** A size such as {@code 8MB}, {@code 512KB} or {@code 65536} (bytes); KB and MB are powers of 1024. */
    static long size(Map<String, String> v, String key, long least) {
        Matcher m = SIZE.matcher(v.get(key).strip().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "KB" -> 1024L;
                case "MB" -> 1024L * 1024;
                default -> 1L;
            };
            long value = Long.parseLong(m.group(1)) * unit;
            if (value >= least) {
                return value;
            }
        }
        throw new ProfileException(key + " must be a size of at least " + least + " bytes such as 512KB or 8MB; got '"
                + v.get(key) + "'");
    }

    private static TargetProfile.FixtureSettings fixtureSettings(Map<String, String> v) {
        Map<String, String> prompts = new TreeMap<>();
        FIXTURE_KINDS.forEach(kind -> prompts.put(kind, v.get("api.prompts." + kind).strip()));
        Map<String, List<String>> pools = new TreeMap<>();
        POOL_KINDS.forEach(kind -> pools.put(kind, Arrays.stream(v.get("pools." + kind).split(","))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList()));
        String deliverAfter = v.get("api.deliver_after").strip();
        String environment = v.get("api.environment_id").strip();
        return new TargetProfile.FixtureSettings(duration(v, "timeouts.fixture"), prompts,
                v.get("api.agent.model").strip(), environment.isEmpty() ? Optional.empty() : Optional.of(environment),
                deliverAfter.isEmpty() ? Optional.empty() : Optional.of(duration(v, "api.deliver_after")), pools,
                Path.of(v.get("reports_dir").strip(), "fixture-ledger.jsonl"), bool(v, "keep_failed_fixtures"));
    }

    /** The channels a profile may list in {@code event_channels}. */
    static final List<String> EVENT_CHANNELS = EventChannel.wireNames();

    private static TargetProfile.Capabilities capabilities(Map<String, String> v) {
        List<String> channels = Arrays.stream(v.get("event_channels").split(","))
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
        channels.stream().filter(c -> !EVENT_CHANNELS.contains(c)).findFirst().ifPresent(c -> {
            throw new ProfileException("event_channels may list " + EVENT_CHANNELS + "; got '" + c + "'");
        });
        return new TargetProfile.Capabilities(channels, bool(v, "capabilities.idempotency_key"));
    }

    private static TargetProfile.Race race(Map<String, String> v) {
        return new TargetProfile.Race(count(v, "race.requests", 2), count(v, "race.repetitions", 1));
    }

    /**
     * {@code concurrency}: how many scenarios run at once (read by {@code junit.ConcurrencyStrategy} before the
     * run starts, so a profile error is reported by the run's start, not here).
     */
    static TargetProfile.Explore explore(Map<String, String> v) {
        String enabled = v.get("explore.enabled").strip().toLowerCase(Locale.ROOT);
        if (!List.of("true", "false", "certify").contains(enabled)) {
            throw new ProfileException("explore.enabled must be true, false or certify; got '"
                    + v.get("explore.enabled") + "'");
        }
        boolean on = enabled.equals("certify") ? bool(v, "certify") : Boolean.parseBoolean(enabled);
        return new TargetProfile.Explore(on, count(v, "explore.depth", 1), count(v, "explore.budget", 1),
                count(v, "explore.clients", 1));
    }

    static int concurrency(Map<String, String> v) {
        return count(v, "concurrency", 1);
    }

    private static int count(Map<String, String> v, String key, int least) {
        try {
            int value = Integer.parseInt(v.get(key).strip());
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProfileException(key + " must be a whole number of at least " + least + "; got '" + v.get(key) + "'");
    }

    static Optional<URI> url(String key, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip().replaceFirst("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ProfileException(key + " must be an http(s) URL; got '" + value + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new ProfileException(key + " is not a valid URL: " + e.getMessage(), e);
        }
    }

    static Duration duration(Map<String, String> v, String key) {
        Matcher m = DURATION.matcher(v.get(key).strip());
        if (!m.matches()) {
            throw new ProfileException(key + " must be a duration such as 250ms, 10s or 2m; got '" + v.get(key) + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static boolean bool(Map<String, String> v, String key) {
        String text = v.get(key).strip().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new ProfileException(key + " must be true or false; got '" + v.get(key) + "'");
        }
        return Boolean.parseBoolean(text);
    }
}
