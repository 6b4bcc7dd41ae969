package org.sessionthreads.conformance.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the suite needs to know about one target, built once per run by {@link ProfileLoader} and never
 * changed afterwards.
 *
 * @param name            profile name (file name without .yaml)
 * @param description     one line for people
 * @param target          API base URL (everything before "/sessions"); empty means "start {@code embedded}"
 * @param embedded        name of the embedded target to start when {@code target} is empty
 * @param embeddedOptions options handed to the embedded target (for the reference server: faults, rearchive, ...)
 * @param fixtures        URL of the target's fixture hook, if it has one
 * @param fixtureStrategies fixture strategies in the order they are tried
 * @param token           the bearer token, if one was supplied through the environment or a property
 * @param timeouts        limits of every wait
 * @param readings        the chosen reading where the docs disagree
 * @param strictShould    true: a SHOULD requirement that is not met fails the run; false: it is reported as a warning
 * @param waivers         the waiver file (it may not exist: then nothing is waived)
 * @param certify         true: a scenario that cannot get its fixture (UNTESTABLE) fails the run, because a
 *                        certificate must not be earned by skipping
 * @param capabilities    what the target offers beyond the archive endpoint (event channels, Idempotency-Key)
 * @param race            the size of the race kit's races
 * @param fixtureSettings what the api and preprovisioned fixture strategies need, and where the fixture ledger is
 * @param gateShould      SHOULD requirements that fail the gate on this profile even when {@code strictShould} is
 *                        false (setting {@code gate_should})
 * @param effective       every setting's final value and where it came from (the token's value never)
 * @param discovery       whether the run probes the target before the scenarios, and may adopt what it sees
 * @param transportLimits body size limit, when a target counts as stopped answering, the 429/503 retry budget
 * @param audit           the end-of-run audit's settle time and bounds
 */
public record TargetProfile(
        String name,
        String description,
        Optional<URI> target,
        String embedded,
        Map<String, String> embeddedOptions,
        Optional<URI> fixtures,
        List<String> fixtureStrategies,
        Optional<Secret> token,
        Timeouts timeouts,
        Readings readings,
        boolean strictShould,
        java.nio.file.Path waivers,
        boolean certify,
        Capabilities capabilities,
        Race race,
        FixtureSettings fixtureSettings,
        List<String> gateShould,
        EffectiveSettings effective,
        DiscoverySettings discovery,
        TransportLimits transportLimits,
        Audit audit) {

    public TargetProfile {
        embeddedOptions = Map.copyOf(embeddedOptions);
        fixtureStrategies = List.copyOf(fixtureStrategies);
        gateShould = List.copyOf(gateShould);
    }

    /** True when a SHOULD requirement that is not met fails the gate: {@code strict}, or listed in {@code gate_should}. */
    public boolean gatesOnShould(String requirementId) {
        return strictShould || gateShould.contains(requirementId);
    }

    /**
     * How many scenarios (and per-channel invocations) run at once ({@code concurrency}; 1 runs them one after
     * another). Kept among the effective settings rather than as a component of its own; the value was validated
     * when the profile was built.
     */
    public int concurrency() {
        return effective.entries().stream().filter(e -> e.key().equals("concurrency"))
                .map(e -> Integer.parseInt(e.value().strip())).findFirst().orElse(1);
    }

    /**
     * Exploration (settings {@code explore.*}, docs/explore.md): whether it runs ({@code explore.enabled}: true,
     * false, or certify, on exactly when {@code certify} is), its depth, request budget and concurrent clients. Kept
     * among the effective settings; the values were validated when the profile was built.
     */
    public Explore explore() {
        java.util.Map<String, String> values = new java.util.HashMap<>(Settings.DEFAULTS);
        effective.entries().forEach(e -> values.put(e.key(), e.value()));
        return Settings.explore(values);
    }

    /**
     * @param enabled whether the run explores
     * @param depth   steps per sequence at most
     * @param budget  requests the exploration may send at most (sequences left over are reported, never passed)
     * @param clients clients of the concurrent histories
     */
    public record Explore(boolean enabled, int depth, int budget, int clients) {
    }

    /** What the console shows and whether in colour (settings {@code console.*}). */
    public ConsoleOptions console() {
        return ConsoleOptions.of(effective);
    }

    /** True when the run stops starting scenarios after the first gating failure ({@code fail_fast}). */
    public boolean failFast() {
        return effective.valueOf("fail_fast").map(v -> Boolean.parseBoolean(v.strip())).orElse(false);
    }

    /** One line describing the effective profile, safe to print: it never contains the token. */
    public String describe() {
        return "profile '" + name + "': " + target.map(URI::toString).orElse("embedded " + embedded + " target")
                + ", fixtures " + fixtures.map(URI::toString).orElse(target.isEmpty() ? "(the embedded target's hook, if on)" : "(none)")
                + ", token " + (token.isPresent() ? Secret.MASK : target.isEmpty() ? "(random, made for this run)" : "(none)")
                + ", event timeout " + timeouts.event().toMillis() + " ms"
                + ", event channels " + capabilities.eventChannels()
                + ", fixture strategies " + fixtureStrategies;
    }

    /**
     * This profile with other event channels: the run's effective profile when discovery adopted a channel the
     * target showed ({@code discover_capabilities: true}). Everything else stays as declared.
     */
    public TargetProfile withEventChannels(List<String> channels) {
        return new TargetProfile(name, description, target, embedded, embeddedOptions, fixtures, fixtureStrategies,
                token, timeouts, readings, strictShould, waivers, certify,
                new Capabilities(channels, capabilities.idempotencyKey()), race, fixtureSettings, gateShould,
                effective.with("event_channels", String.join(",", channels), "discovered at run start"), discovery,
                transportLimits, audit);
    }

    /**
     * The probe before the scenarios (docs/settings.md#discovery).
     *
     * @param enabled        false ({@code discovery: false}): no probe, no extra requests; declared capabilities are
     *                       trusted as they are
     * @param adoptCapabilities true ({@code discover_capabilities: true}): an optional capability the target visibly
     *                       offers and the profile leaves off is switched on for the run (today: the {@code sse}
     *                       event channel); Idempotency-Key is never adopted, it cannot be seen harmlessly
     */
    public record DiscoverySettings(boolean enabled, boolean adoptCapabilities) {
    }

    /**
     * What the target offers beyond the archive endpoint; scenarios that need something it lacks are DISABLED.
     *
     * @param eventChannels  how its events can be read: {@code polling} (the list with {@code after_id}) and/or
     *                       {@code sse} (the event stream with {@code Last-Event-ID}); event scenarios run once per
     *                       channel listed
     * @param idempotencyKey true when archive honours {@code Idempotency-Key} (Forward API)
     */
    public record Capabilities(List<String> eventChannels, boolean idempotencyKey) {
        public Capabilities {
            eventChannels = List.copyOf(eventChannels);
        }
    }

    /**
     * The race kit's races.
     *
     * @param requests    archive requests released at the same instant in one race (at least 2)
     * @param repetitions races per scenario, each on a fresh fixture (at least 1)
     */
    public record Race(int requests, int repetitions) {
    }

    /**
     * The end-of-run audit: how long after the run's last archive answer it waits before re-reading, and the
     * most sessions and list pages (per session and endpoint) it reads.
     */
    public record Audit(Duration settle, int maxSessions, int maxPages) {
    }

    /**
     * Settings of the fixture strategies beyond the hook (docs/fixtures.md).
     *
     * @param timeout       how long the api strategy waits for the prompted coordinator to produce the state
     * @param prompts       per fixture kind (wire name), the {@code user.message} text of the api strategy; an
     *                      empty text means the strategy does not offer that kind on this target
     * @param agentModel    the {@code model} of the coordinator agent the api strategy creates
     * @param environmentId the {@code environment_id} of the sessions the api strategy creates, if the target needs one
     * @param deliverAfter  when the follow-up message that the {@code child_with_pending_message} prompt asks for is
     *                      due; without it the api strategy does not offer that kind (mailboxes are not visible)
     * @param pools         per fixture kind (wire name), pre-provisioned {@code sess_…/sthr_…} entries
     * @param ledger        the crash-safe fixture ledger, {@code <reports_dir>/fixture-ledger.jsonl}
     * @param keepFailed    keep the fixtures of failed scenarios for their reproduction ({@code keep_failed_fixtures})
     */
    public record FixtureSettings(Duration timeout, Map<String, String> prompts, String agentModel,
                                  Optional<String> environmentId, Optional<Duration> deliverAfter,
                                  Map<String, List<String>> pools, java.nio.file.Path ledger, boolean keepFailed) {
        public FixtureSettings {
            prompts = Map.copyOf(prompts);
            pools = Map.copyOf(pools);
        }

        /** The prompt for {@code kind} (wire name), or empty when the api strategy does not offer the kind. */
        public Optional<String> prompt(String kind) {
            return Optional.ofNullable(prompts.get(kind)).filter(text -> !text.isBlank());
        }

        /** The pool of {@code kind} (wire name); empty when none is configured. */
        public List<String> pool(String kind) {
            return pools.getOrDefault(kind, List.of());
        }
    }
}
