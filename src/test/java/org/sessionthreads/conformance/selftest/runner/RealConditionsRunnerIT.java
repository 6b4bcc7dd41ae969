package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The runner jar as a user points it at a staging deployment (only {@code --target}, {@code --fixtures} and the
 * token in {@code CONFORMANCE_TOKEN}, so the default {@code neutral} profile) against conformant reference servers
 * under the conditions such a deployment has: every answer 150 or 400 ms away, fixed or jittered (the hook queues a
 * pending message 600 ms ahead unless the suite asks for more), and an event list that resolves {@code after_id}
 * within its {@code types} filter. All runs go at once, so the suites share the 2-core machine with each other and
 * their servers. Each must exit 0 with no FAIL and no ERROR; the filter's reading is a WARN finding, never a
 * verdict.
 */
class RealConditionsRunnerIT {
    private static final Duration LIMIT = Duration.ofMinutes(8);
    private static final List<String> CONDITIONS = List.of("LATENCY_150", "LATENCY_150_JITTER", "LATENCY_400",
            "LATENCY_400_JITTER", "AFTER_ID_WITHIN_TYPES");
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    /** One run: what the runner printed and exited with, and where its bundle is. */
    private record Run(Processes.Result result, Path reports) {
    }

    @BeforeAll
    static void runEveryConditionAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONDITIONS.size());
        try {
            Map<String, Future<Run>> pending = new LinkedHashMap<>();
            for (String condition : CONDITIONS) {
                pending.put(condition, pool.submit(() -> run(condition)));
            }
            for (Map.Entry<String, Future<Run>> entry : pending.entrySet()) {
                RUNS.put(entry.getKey(), entry.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Run run(String condition) {
        Path dir = Processes.workDir("conditions-" + condition.toLowerCase(java.util.Locale.ROOT));
        try (Processes.Server server = Processes.Server.start("--variation", condition)) {
            Processes.Result result = Processes.runner(dir, LIMIT, "run", "--target", server.apiBase,
                    "--fixtures", server.fixtures, "--reports", "reports");
            return new Run(result, dir.resolve("reports"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LATENCY_150", "LATENCY_150_JITTER", "LATENCY_400", "LATENCY_400_JITTER",
        "AFTER_ID_WITHIN_TYPES"})
    void aConformantServerUnderRealConditionsExits0WithNoFailAndNoError(String condition) throws IOException {
        Run run = RUNS.get(condition);

        assertThat(run.result().exitCode()).as(run.result().output()).isZero();
        JsonNode summary = PackagedJarRunnerIT.summary(run.reports());
        assertThat(summary.get("counts").get("FAIL").asInt()).as(run.result().output()).isZero();
        assertThat(summary.get("counts").get("ERROR").asInt()).as(run.result().output()).isZero();
        assertThat(PackagedJarRunnerIT.requirement(summary, "MBX-001").get("verdict").asString())
                .as("the mailbox scenario, whose archive must beat a queued delivery")
                .isEqualTo("PASS");
        PackagedJarRunnerIT.assertCompleteBundle(run.reports(), true);
        if (condition.equals("AFTER_ID_WITHIN_TYPES")) {
            assertThat(summary.get("target_findings").toString()).as("the disagreement, reported as a finding")
                    .contains("types");
        }
        try {
            PackagedJarRunnerIT.assertTokenNowhere(run.reports());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
