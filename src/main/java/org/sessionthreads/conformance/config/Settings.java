package org.sessionthreads.conformance.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings a profile may contain, their defaults, and how the flat key/value view becomes a
 * {@link TargetProfile}. README's settings table lists the same keys.
 */
final class Settings {
    static final String DEFAULT_PROFILE = "reference";
    static final Map<String, String> DEFAULTS = defaults();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private Settings() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("description", "");
        d.put("target", "");
        d.put("fixtures", "");
        d.put("embedded", "reference");
        d.put("token_env", "");
        d.put("fixture_strategies", "hook");
        d.put("timeouts.event", "10s");
        d.put("timeouts.quiet", "1s");
        d.put("timeouts.request", "30s");
        d.put("timeouts.poll_interval", "20ms");
        d.put("readings.archived_status", "archived");
        d.put("readings.conflict_error_type", "invalid_request_error");
        d.put("readings.rearchive", "either");
        d.put("strict", "false");
        return Map.copyOf(d);
    }

    static String envName(String key) {
        return "CONFORMANCE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static void checkKeys(Path file, Set<String> keys) {
        if (keys.contains("token")) {
            throw new ProfileException("profile " + file + " contains a token: tokens never go in a file; "
                    + "use CONFORMANCE_TOKEN, -Dconformance.token or token_env");
        }
        List<String> unknown = keys.stream()
                .filter(k -> !DEFAULTS.containsKey(k) && !k.startsWith("embedded_options.")).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ProfileException("profile " + file + " has unknown settings " + unknown + "; known: "
                    + new TreeMap<>(DEFAULTS).keySet() + " and embedded_options.*");
        }
    }

    static TargetProfile toProfile(String name, Map<String, String> v, java.util.Optional<Secret> token) {
        Map<String, String> embeddedOptions = v.entrySet().stream()
                .filter(e -> e.getKey().startsWith("embedded_options.") && !e.getValue().isBlank())
                .collect(Collectors.toMap(e -> e.getKey().substring("embedded_options.".length()),
                        Map.Entry::getValue, (a, b) -> b, TreeMap::new));
        Timeouts timeouts = new Timeouts(duration(v, "timeouts.event"), duration(v, "timeouts.quiet"),
                duration(v, "timeouts.request"), duration(v, "timeouts.poll_interval"));
        Readings readings = new Readings(v.get("readings.archived_status").strip(),
                v.get("readings.conflict_error_type").strip(), Readings.Rearchive.parse(v.get("readings.rearchive")));
        List<String> strategies = Arrays.stream(v.get("fixture_strategies").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new TargetProfile(name, v.get("description"), ProfileLoader.url("target", v.get("target")),
                v.get("embedded").strip(), embeddedOptions, ProfileLoader.url("fixtures", v.get("fixtures")),
                strategies, token, timeouts, readings, bool(v, "strict"));
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
