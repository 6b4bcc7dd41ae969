package org.sessionthreads.conformance.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every setting means, next to the defaults in {@link Settings}: the source of the settings table in
 * {@code docs/settings.md} (generated, checked by a test) and of the runner's listing.
 *
 * <p>Contract: every key of {@link Settings#DEFAULTS} is described by exactly one entry; an entry whose key ends in
 * {@code .<kind>} or {@code .<name>} describes a family of keys with that prefix. Entries marked {@code pseudo}
 * are settings that are not profile keys (the profile name, the token) and so have no entry in the defaults.
 */
public final class SettingReference {

    /**
     * @param key          the key as written in a profile; {@code prefix.<kind>} for a family of keys
     * @param defaultValue the default as shown to a reader ({@code Settings.DEFAULTS}, or a sentence where the
     *                     default is computed)
     * @param meaning      one paragraph, Markdown
     */
    public record Entry(String key, String defaultValue, String meaning) {
        /** The prefix of a family ({@code api.prompts.}), or the key itself. */
        String prefix() {
            int family = key.indexOf(".<");
            return family < 0 ? key : key.substring(0, family + 1);
        }

        public boolean describes(String profileKey) {
            return key.contains(".<") ? profileKey.startsWith(prefix()) : key.equals(profileKey);
        }
    }

    private static final Map<String, String[]> MEANINGS = meanings();

    private SettingReference() {
    }

    /** Every setting, in the order a reader meets them. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        MEANINGS.forEach((key, text) -> out.add(new Entry(key, text[0] != null ? text[0] : shownDefault(key),
                text[1])));
        return out;
    }

    /** The entry describing a profile key, if any. */
    public static Optional<Entry> describing(String profileKey) {
        return entries().stream().filter(e -> e.describes(profileKey)).findFirst();
    }

    /** Keys of {@link Settings#DEFAULTS} no entry describes (empty when the reference is complete). */
    public static List<String> undescribed() {
        return Settings.DEFAULTS.keySet().stream().filter(k -> describing(k).isEmpty()).sorted().toList();
    }

    /** Entries that describe no key of {@link Settings#DEFAULTS} and are not pseudo settings. */
    public static List<String> stale() {
        return entries().stream()
                .filter(e -> !PSEUDO.contains(e.key()))
                .filter(e -> Settings.DEFAULTS.keySet().stream().noneMatch(e::describes))
                .map(Entry::key).toList();
    }

    private static final List<String> PSEUDO = List.of("profile", "extends", "token", "embedded_options.<name>");

    private static String shownDefault(String key) {
        String value = Settings.DEFAULTS.get(key);
        return value == null || value.isEmpty() ? "empty" : "`" + value + "`";
    }

    /** key → {shown default or null for the one in DEFAULTS, meaning}. */
    private static Map<String, String[]> meanings() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("profile", new String[] {"`reference` (`neutral` when `target` is set)",
                "profile name (`./profiles/<name>.yaml`, then the classpath), or a path to a `.yaml` file "
                        + "(property/environment only)"});
        m.put("extends", new String[] {"—",
                "in a profile file only: the profile it builds on (name or path relative to the file)"});
        m.put("description", new String[] {null, "one line saying what the profile is for (printed at start)"});
        m.put("token", new String[] {"—",
                "bearer token: environment variable `CONFORMANCE_TOKEN` only (refused as a property, a flag or in "
                        + "a profile file)"});
        m.put("token_env", new String[] {null,
                "name of another environment variable to read the token from, e.g. `QODER_PAT`"});
        m.put("token_file", new String[] {null,
                "a file holding the token (surrounding whitespace stripped); used when no token variable is set"});
        m.put("target", new String[] {null,
                "API base URL (everything before `/sessions`); empty means \"start the embedded target\""});
        m.put("fixtures", new String[] {"the embedded server's hook", "URL of the target's fixture hook"});
        m.put("fixture_strategies", new String[] {null,
                "fixture strategies, tried in this order: `hook`, `api`, `preprovisioned` (ServiceLoader-registered "
                        + "`FixtureProvider`s; see [fixtures](fixtures.md))"});
        m.put("timeouts.fixture", new String[] {null,
                "how long the `api` strategy waits for the prompted coordinator to bring the session into the "
                        + "fixture's state"});
        m.put("api.prompts.<kind>", new String[] {"empty",
                "the `user.message` text the `api` strategy sends for `idle_child`, `running_child`, "
                        + "`waiting_coordinator`, `child_with_pending_message`; `{run_id}` and `{deliver_after_ms}` "
                        + "are replaced; empty: the strategy does not offer that kind (declined with that reason)"});
        m.put("api.agent.model", new String[] {null,
                "`model` of the coordinator agent the `api` strategy creates (once per run)"});
        m.put("api.environment_id", new String[] {null,
                "`environment_id` of the sessions the `api` strategy creates (omitted when empty)"});
        m.put("api.deliver_after", new String[] {null,
                "when the follow-up message the `child_with_pending_message` prompt asks for is due; without it the "
                        + "`api` strategy does not offer that kind (mailboxes are not visible through the API)"});
        m.put("pools.<kind>", new String[] {"empty",
                "pre-provisioned fixtures for `idle_child`, `running_child`, `waiting_coordinator`: a list (YAML "
                        + "list or comma-separated) of `sess_…/sthr_child[/sthr_coordinator[/toolu_…]]`; each entry "
                        + "is handed out once per run"});
        m.put("embedded", new String[] {null, "which embedded target to start when `target` is empty"});
        m.put("embedded_options.<name>", new String[] {"—",
                "options for the embedded target; for the reference server see "
                        + "[the reference server](reference-server.md)"});
        m.put("timeouts.event", new String[] {null,
                "how long an asynchronous promise (event, resumed coordinator) may take"});
        m.put("timeouts.quiet", new String[] {null,
                "how long the suite watches for something that must not happen (second event, delivery after "
                        + "archive)"});
        m.put("timeouts.request", new String[] {null,
                "the total time of one HTTP request: connecting, sending and receiving the whole answer (a body "
                        + "dripped byte by byte does not restart it); for an event stream, until its headers"});
        m.put("timeouts.poll_interval", new String[] {null,
                "first interval between polls; it doubles up to ten times this value"});
        m.put("timeouts.event_expected", new String[] {null,
                "how soon the terminated event is expected after the archive answer; later (but within "
                        + "`timeouts.event`) is LATE, a SHOULD warning (EVT-004); never more than `timeouts.event`"});
        m.put("event_channels", new String[] {null,
                "how the target's events can be read: " + Arrays.stream(EventChannel.values())
                        .map(c -> "`" + c.wireName() + "` (" + c.description() + ")").collect(Collectors.joining(", "))
                        + "; event scenarios run once per channel listed, the others are DISABLED"});
        m.put("capabilities.idempotency_key", new String[] {"from `dialect` (`"
                + Dialect.DEFAULT.documents("capabilities.idempotency_key") + "`; `true` for " + Arrays.stream(
                Dialect.values()).filter(d -> d.documents("capabilities.idempotency_key"))
                .map(d -> "`" + d.wireName() + "`").collect(Collectors.joining(", ")) + ")",
                "the target honours `Idempotency-Key` on archive (Forward API); `false` DISABLES IDEM-001/002"});
        m.put("discovery", new String[] {null,
                "probe the target before the scenarios (see [settings](settings.md#discovery)); `false`: no extra "
                        + "requests, capabilities taken as declared"});
        m.put("fail_fast", new String[] {null,
                "`true`: after the first gating failure no further scenario starts; the rest are reported DISABLED "
                        + "with the reason `fail-fast`, the bundle is written and the exit code stays 1"});
        m.put("console.verbose", new String[] {null,
                "`true`: the console also shows every discovery finding, the effective settings, the audit and "
                        + "fixture lines and each finished scenario (they are always in summary.md and summary.json)"});
        m.put("console.color", new String[] {null,
                "`true`: colour on a terminal only (never in files or pipes, never when `NO_COLOR` is set or the "
                        + "terminal is `dumb`); `false`: never"});
        m.put("discover_capabilities", new String[] {null,
                "`true`: an optional capability the target visibly offers and the profile leaves off is switched "
                        + "on for the run and reported as discovered (" + Arrays.stream(EventChannel.values())
                        .filter(c -> !c.baseline()).map(c -> "the `" + c.wireName() + "` channel")
                        .collect(Collectors.joining(", ")) + "; never Idempotency-Key)"});
        m.put("audit.settle", new String[] {null,
                "how long after the run's last archive answer the end-of-run audit waits before it re-reads the "
                        + "run's sessions (see [audit](audit.md))"});
        m.put("audit.max_sessions", new String[] {null,
                "the most sessions the audit re-reads (oldest first; the rest are named in its scope line, not "
                        + "judged)"});
        m.put("audit.max_pages", new String[] {null,
                "the most pages of 100 the audit reads per session from the thread list and from the event list; "
                        + "more is an ERROR of the audit, not a pass"});
        m.put("explore.enabled", new String[] {null,
                "exploration ([explore](explore.md)) inside `run`: `certify` (on exactly when `certify` is), `true` "
                        + "or `false`; the `explore` command turns it on (`--set explore.enabled=false` is refused there)"});
        m.put("explore.depth", new String[] {null, "steps per explored sequence at most (at least 1)"});
        m.put("explore.budget", new String[] {null,
                "requests exploration may send; sequences left over are reported as not run, never as passed"});
        m.put("explore.clients", new String[] {null, "clients of exploration's concurrent histories (at least 1)"});
        m.put("race.requests", new String[] {null,
                "archive requests the race kit releases at the same instant (at least 2)"});
        m.put("race.repetitions", new String[] {null, "rounds of each race, each on a fresh fixture (at least 1)"});
        m.put("dialect", new String[] {null,
                "which documented shape of the API the target follows: " + Arrays.stream(Dialect.values())
                        .map(d -> "`" + d.wireName() + "` (" + d.description() + ")").collect(Collectors.joining(", "))
                        + "; it selects the thread schema and decides every "
                        + "`readings.*` and `capabilities.idempotency_key` left unset (see [dialects](dialects.md))"});
        m.put("readings.archived_status", new String[] {"from `dialect` (`archived`)",
                "status of an archived thread: `archived` (archive page, Forward) or `terminated` (new CAS export)"});
        m.put("readings.conflict_error_type", new String[] {"from `dialect` (`invalid_request_error`)",
                "`error.type` of the 409 answers: `invalid_request_error` (archive page), `conflict_error` "
                        + "(Forward) or `any` (not judged: the CAS export does not show it)"});
        m.put("readings.rearchive", new String[] {"from `dialect` (`either`)",
                "accepted answers to re-archiving: `either` (200 unchanged or 409), `ok` (200), `conflict` (409)"});
        m.put("readings.error_codes", new String[] {"from `dialect` (`false`)",
                "`true`: the 409 answers must carry the Forward pages' `error.code`, and the suite checks it"});
        m.put("strict", new String[] {null,
                "`true`: a SHOULD requirement that is not met fails the run; `false`: it is a warning"});
        m.put("gate_should", new String[] {null,
                "SHOULD requirement ids that fail the run when not met even with `strict: false`; a MUST or "
                        + "unknown id stops the run"});
        m.put("certify", new String[] {null,
                "`true`: a scenario that cannot get its fixture (UNTESTABLE) fails the run instead of being "
                        + "skipped"});
        m.put("baseline", new String[] {null,
                "a baseline (`baseline write DIR > file`) or the results folder of an earlier run: each requirement "
                        + "is compared with it, NEW, KNOWN or FIXED (see [verdicts](verdicts.md#baselines)); the "
                        + "runner's `--baseline`"});
        m.put("gate", new String[] {null,
                "`all`: every gating failure fails the run; `new`: only failures the baseline does not know (NEW) do, "
                        + "KNOWN ones stay listed; `new` needs a `baseline`"});
        m.put("min_index", new String[] {null,
                "the least conformance index (MUSTs judged ÷ MUSTs of the dialect, see "
                        + "[results](results.md#conformance-index-and-score)), `0.9` or `90%`; below it the run "
                        + "exits 3"});
        m.put("baseline_latency_tolerance", new String[] {null,
                "how much worse than the baseline's an event channel's p95 latency may be before it is a warning "
                        + "(never a gate)"});
        m.put("waivers", new String[] {
                "`<profile>.waivers.yaml` beside the profile file (`./profiles/` for a classpath profile)",
                "the waiver file (see [verdicts](verdicts.md#waivers)); a missing file waives nothing"});
        m.put("limits.body", new String[] {null,
                "bytes of one answer body the suite reads; a longer body is cut off there and ends with a marker, "
                        + "so it is judged, not held"});
        m.put("limits.unanswered", new String[] {null,
                "consecutive requests without an answer (deadline exceeded, connection refused) after which the "
                        + "target counts as stopped answering: every remaining scenario is an ERROR at once"});
        m.put("concurrency", new String[] {null,
                "scenario invocations (a method, or one event channel of an event scenario) that run at once; `1` "
                        + "runs them one after another (see [concurrency](concurrency.md))"});
        m.put("limits.in_flight", new String[] {null,
                "requests on the wire at once, all scenarios and both HTTP doors together; at least `race.requests`"});
        m.put("limits.rate", new String[] {null,
                "requests started per second, all scenarios together (`0`: no cap); bursts of up to "
                        + "`limits.in_flight` go out at once"});
        m.put("retry.budget", new String[] {null,
                "how long one request is retried after 429/503 answers (honouring `Retry-After`) before it is an "
                        + "ERROR \"rate limited by the target\""});
        m.put("retry.attempts", new String[] {null,
                "how many times one request is sent at most after 429/503 answers, the first time included"});
        m.put("keep_failed_fixtures", new String[] {null,
                "`true`: the fixtures of a failed scenario are kept, not released, so its `repro/<ID>.sh` finds them"
                        + " (the ledger lists them as kept; `sweep` releases them; see [results](results.md#"
                        + "reproducing-a-failure))"});
        m.put("reports_dir", new String[] {"`reports`",
                "where the results bundle goes (property, runner option or JUnit configuration parameter; never in "
                        + "a profile file)"});
        return m;
    }
}
