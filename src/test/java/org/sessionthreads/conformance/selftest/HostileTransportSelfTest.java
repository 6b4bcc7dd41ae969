package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.refserver.TransportFault;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * The suite against a reference server that misbehaves on the wire ({@link TransportFault}) or rate-limits
 * ({@link Variation#RATE_LIMITED}), run as users run it (the launcher, so the summary is written), with a short
 * {@code timeouts.request} of {@value #DEADLINE_SECONDS} s. For each: the promised verdicts (docs/transport.md), a time
 * bound, a complete summary, and no file that holds the token.
 *
 * <p>The time bound of a hanging or dripping archive is {@value #DEADLINES_PER_RUN} deadlines for the whole run
 * ({@code duration_ms} of the summary: server start, the scenarios that need no archive, the first wave of archives
 * waiting out one deadline in parallel, then all the rest failing at once). Without the "stopped answering" rule
 * each of the run's 100-odd archive requests would wait out its own deadline, 8 at a time: about 30 deadlines.
 */
class HostileTransportSelfTest {
    private static final int DEADLINE_SECONDS = 4;
    private static final int DEADLINES_PER_RUN = 6;
    private static final String STOPPED = "target stopped answering: 3 consecutive requests without an answer";

    private static final String TOKEN = "ct-transport-" + UUID.randomUUID();
    /** The runs, by what the server does; launched together in {@link #runEveryServerAtOnce}. */
    private static final Map<String, LaunchedRun> RUNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String FLOOD_CUT_AT_1MB = "ARCHIVE_BODY_FLOOD with limits.body 1MB";

    /**
     * The six runs go at once: each mostly waits (on deadlines, retries, the server's timings), so together they
     * take little longer than the slowest; the time bounds below are each run's own.
     */
    @BeforeAll
    static void runEveryServerAtOnce(@TempDir Path dir) throws Exception {
        Map<String, java.util.concurrent.Callable<LaunchedRun>> runs = new java.util.LinkedHashMap<>();
        for (TransportFault fault : List.of(TransportFault.ARCHIVE_HANGS, TransportFault.ARCHIVE_BODY_DRIPS,
                TransportFault.REDIRECT_TO_OTHER_ORIGIN, TransportFault.RESET_CONNECTION)) {
            runs.put(fault.name(), () -> LaunchedRun.run(profile("transport_faults", fault.name()), settings(), dir));
        }
        Map<String, String> flood = new java.util.HashMap<>(settings());
        flood.put("limits.body", "1MB");
        runs.put(FLOOD_CUT_AT_1MB, () -> LaunchedRun.run(
                profile("transport_faults", TransportFault.ARCHIVE_BODY_FLOOD.name()), flood, dir));
        runs.put(Variation.RATE_LIMITED.name(), () -> LaunchedRun.run(
                profile("variations", Variation.RATE_LIMITED.name()), settings(), dir));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs.size());
        try {
            Map<String, java.util.concurrent.Future<LaunchedRun>> pending = new java.util.LinkedHashMap<>();
            runs.forEach((name, run) -> pending.put(name, pool.submit(run)));
            for (Map.Entry<String, java.util.concurrent.Future<LaunchedRun>> entry : pending.entrySet()) {
                RUNS.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_end_a_run_against_a_hanging_archive_within_a_few_deadlines() {
        LaunchedRun run = RUNS.get(TransportFault.ARCHIVE_HANGS.name());

        assertComplete(run);
        assertThat(run.requirementsWith("FAIL")).as("a hang is never a FAIL").isEmpty();
        assertThat(run.verdict("ARCH-001")).isEqualTo("ERROR");
        assertThat(run.scenarioReasons()).anyMatch(reason -> reason.startsWith("ERROR " + STOPPED)
                && reason.contains("/archive: deadline " + DEADLINE_SECONDS + " s exceeded")
                && reason.endsWith("remaining scenarios not run"));
        assertThat(run.duration()).as("duration of the run").isLessThan(deadlines(DEADLINES_PER_RUN));
    }

    @Test
    void should_end_a_dripped_archive_answer_at_the_deadline() {
        LaunchedRun run = RUNS.get(TransportFault.ARCHIVE_BODY_DRIPS.name());

        assertComplete(run);
        assertThat(run.requirementsWith("FAIL")).as("a drip is never a FAIL").isEmpty();
        assertThat(run.verdict("ARCH-001")).isEqualTo("ERROR");
        assertThat(run.scenarioReasons()).anyMatch(reason -> reason.startsWith("ERROR " + STOPPED));
        assertThat(run.duration()).as("duration of the run").isLessThan(deadlines(DEADLINES_PER_RUN));
    }

    /** With {@code limits.body} 1 MB: every archive answer costs 1 MB (and its reports), not 50. */
    @Test
    void should_cut_off_a_flooded_archive_answer_and_judge_it() {
        LaunchedRun run = RUNS.get(FLOOD_CUT_AT_1MB);

        assertComplete(run);
        assertThat(run.verdict("ARCH-001")).isEqualTo("FAIL");
        assertThat(run.reason("ARCH-001")).startsWith("ARCH-001 (MUST) not met");
        assertThat(run.elapsed()).as("wall time of the run").isLessThan(bound());
    }

    @Test
    void should_fail_a_redirected_archive_naming_the_requirement_and_never_follow_it() {
        LaunchedRun run = RUNS.get(TransportFault.REDIRECT_TO_OTHER_ORIGIN.name());

        assertComplete(run);
        assertThat(run.verdict("ARCH-001")).isEqualTo("FAIL");
        assertThat(run.reason("ARCH-001")).startsWith("ARCH-001 (MUST) not met").contains("307");
        assertThat(run.elapsed()).as("wall time of the run").isLessThan(bound());
    }

    @Test
    void should_make_a_connection_reset_an_error_not_a_fail() {
        LaunchedRun run = RUNS.get(TransportFault.RESET_CONNECTION.name());

        assertComplete(run);
        assertThat(run.requirementsWith("FAIL")).as("a reset is never a FAIL").isEmpty();
        assertThat(run.verdict("ARCH-001")).isEqualTo("ERROR");
        assertThat(run.reason("ARCH-001")).contains("no answer from POST").contains("/archive");
        assertThat(run.elapsed()).as("wall time of the run").isLessThan(bound());
    }

    @Test
    void should_pass_a_rate_limiting_target_by_retrying_within_the_budget() {
        LaunchedRun run = RUNS.get(Variation.RATE_LIMITED.name());

        assertComplete(run);
        assertThat(run.requirementsWith("FAIL")).as("rate limiting is never a FAIL").isEmpty();
        assertThat(run.requirementsWith("ERROR")).as("within the retry budget").isEmpty();
        assertThat(run.summary().path("gate").asString()).isEqualTo("pass");
        assertMeasured(run);
        assertThat(run.elapsed()).as("wall time of the run").isLessThan(bound());
    }

    private static Map<String, String> settings() {
        return Map.of("timeouts.request", DEADLINE_SECONDS + "s", "timeouts.event", "4s", "token", TOKEN);
    }

    private static String profile(String option, String value) {
        return "embedded: reference\nembedded_options:\n  " + option + ": " + value + "\n"
                + "  deliver_after_ms: \"3000\"\nevent_channels: [polling, sse]\n"
                + "capabilities:\n  idempotency_key: true\nstrict: true\n";
    }

    private static Duration deadlines(int count) {
        return Duration.ofSeconds((long) DEADLINE_SECONDS * count);
    }

    /** A healthy run takes 20-30 s on a busy two-core machine; the first run of a JVM 10 s more. */
    private static Duration bound() {
        return Duration.ofSeconds(120);
    }

    private void assertComplete(LaunchedRun run) {
        Path summary = run.reports().resolve("summary.json");
        assertThat(summary).exists();
        assertThat(run.reports().resolve("summary.md")).exists();
        String text = run.summary().toString();
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, readString(summary))).isEmpty();
        assertThat(RequirementCatalogue.load().entries())
                .allSatisfy(entry -> assertThat(text).contains("\"id\":\"" + entry.id() + "\""));
        assertThat(LaunchedRun.filesContaining(TOKEN, run.reports(), Path.of("target", "allure-results")))
                .as("files holding the token").isEmpty();
        assertBundleComplete(run);
    }

    /**
     * The rest of the bundle (docs/results.md): junit.xml with one test case per scenario, per requirement no
     * scenario ran and for run-level problems, none without its requirement's id; the badge with the suite
     * version; a manifest that lists the summary and verifies against the files beside it.
     */
    private static void assertBundleComplete(LaunchedRun run) {
        tools.jackson.databind.JsonNode summary = run.summary();
        long scenarios = summary.path("requirements").valueStream()
                .mapToLong(r -> Math.max(1, r.path("scenarios").size())).sum();
        long runCase = summary.path("problems").isEmpty() ? 0 : 1;
        String xml = readString(run.reports().resolve("junit.xml"));
        assertThat(xml.split("<testcase ", -1).length - 1L).as("test cases in junit.xml").isEqualTo(scenarios + runCase);
        assertThat(xml).doesNotContain("<properties").contains("tests=\"" + (scenarios + runCase) + "\"");
        assertThat(java.util.regex.Pattern.compile("classname=\"conformance\\.([A-Z]+-[0-9]{3})\" name=\"\\1 ")
                .matcher(xml).results().count()).as("test cases named after their requirement").isEqualTo(scenarios);
        String version = summary.path("suite").path("version").asString();
        assertThat(readString(run.reports().resolve("badge.svg"))).contains(" · " + version + "</text>");
        assertThat(readString(run.reports().resolve("manifest.json"))).contains("\"path\" : \"summary.json\"",
                "\"path\" : \"junit.xml\"", "\"path\" : \"badge.svg\"");
        org.sessionthreads.conformance.report.BundleManifest.Verification verification =
                org.sessionthreads.conformance.report.BundleManifest.verify(run.reports());
        assertThat(verification.ok()).as(verification.describe()).isTrue();
    }

    /**
     * A passing run reports what it measured: a latency per offered channel, and every round of the two races on
     * both channels ({@code race.repetitions} each).
     */
    private static void assertMeasured(LaunchedRun run) {
        tools.jackson.databind.JsonNode summary = run.summary();
        int repetitions = summary.path("settings").valueStream().filter(s -> s.path("key").asString()
                .equals("race.repetitions")).findFirst().orElseThrow().path("value").asInt();
        tools.jackson.databind.JsonNode latency = summary.path("event_latency");
        assertThat(latency.propertyNames()).containsExactly("polling", "sse");
        latency.forEach(channel -> {
            assertThat(channel.path("samples").asInt()).isPositive();
            assertThat(channel.path("max_ms").asDouble()).isGreaterThanOrEqualTo(channel.path("p95_ms").asDouble())
                    .isGreaterThanOrEqualTo(channel.path("p50_ms").asDouble());
        });
        tools.jackson.databind.JsonNode races = summary.path("races");
        assertThat(races.size()).isEqualTo(2);
        races.forEach(race -> {
            assertThat(race.path("scenarios").valueStream().map(s -> s.path("scenario").asString()).toList())
                    .hasSize(2).anyMatch(name -> name.endsWith("[via polling]"))
                    .anyMatch(name -> name.endsWith("[via sse]"));
            assertThat(race.path("rounds").asInt()).isEqualTo(2 * repetitions);
        });
        assertThat(readString(run.reports().resolve("summary.md"))).contains("## Event latency", "## Race interleavings");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
