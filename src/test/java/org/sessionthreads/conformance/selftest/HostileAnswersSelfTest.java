package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.refserver.Fault;

/**
 * The faults whose verdict must be ERROR, not FAIL (see {@link Fault#expectedError()}): a fixture hook that
 * answers 500, HTML or a body against its schema, an event stream of garbage frames, an event list that answers
 * garbage. For each, the whole suite runs in this JVM through the JUnit launcher (so the summary is written as in
 * {@code mvn verify}) against the reference server with the fault, and the self-test demands:
 * <ul>
 *   <li>the fault is noticed (some scenario does not pass) and nothing is judged on it: no scenario FAILs, every
 *   one that does not pass is an ERROR whose message names the fault's cause (e.g. "fixture hook failed"), apart
 *   from the end-of-run audit's checks when no fixture was made (UNTESTABLE: nothing to judge);</li>
 *   <li>the run ends within {@link #WALL_TIME_BOUND};</li>
 *   <li>{@code summary.json} and {@code summary.md} are written and say ERROR.</li>
 * </ul>
 * The mutation score leaves these faults out: "killed" means "its requirements were reported not met", and an
 * ERROR reports no requirement as met or not.
 *
 * <p>The server delivers pending mailbox messages after 6 s (not the mutation campaign's 3 s): the scenarios
 * that do pass must not fail on a loaded machine, where one request took 1.5 s while two runs went on at once.
 */
class HostileAnswersSelfTest {
    /** Far above a run's normal 10 to 30 s, far below a hang (the suite's own timeouts are minutes). */
    static final Duration WALL_TIME_BOUND = Duration.ofSeconds(120);
    private static final Map<Fault, Run> RUNS = new ConcurrentHashMap<>();
    private static final String NOTHING_TO_JUDGE = "UNTESTABLE: nothing to judge: ";

    /** What one run said: every finished scenario invocation, the wall time and where its reports went. */
    record Run(List<Outcome> outcomes, Duration wallTime, Path reports) {
    }

    record Outcome(String name, TestExecutionResult.Status status, Throwable throwable) {
        String message() {
            return throwable == null ? "" : String.valueOf(throwable.getMessage());
        }
    }

    @BeforeAll
    static void run_the_suite_against_every_fault_whose_verdict_is_error(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (Fault fault : errorFaults()) {
                pending.add(pool.submit(() -> {
                    RUNS.put(fault, run(fault, dir.resolve(fault.name())));
                    return null;
                }));
            }
            for (Future<?> done : pending) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_fault_whose_verdict_is_error_ends_as_error_naming_its_cause_in_bounded_time() {
        // why: exact, so a fault that loses its expected ERROR (or a new one) is seen here, not silently skipped
        assertThat(errorFaults()).as("faults declared with an expected ERROR").containsExactlyInAnyOrder(
                Fault.EVENT_STREAM_GARBAGE, Fault.EVENT_LIST_GARBAGE, Fault.FIXTURE_HOOK_500, Fault.FIXTURE_HOOK_HTML,
                Fault.FIXTURE_HOOK_BAD_SCHEMA);
        return errorFaults().stream().map(fault -> dynamicTest(fault.name(), () -> {
            Run run = RUNS.get(fault);
            String cause = fault.expectedError().orElseThrow();
            // why: a hook that never makes a fixture leaves the end-of-run audit nothing to read: its checks
            // judged nothing (UNTESTABLE), which is no verdict on the fault either
            List<Outcome> notPassed = run.outcomes().stream()
                    .filter(o -> o.status() != TestExecutionResult.Status.SUCCESSFUL)
                    .filter(o -> !(o.throwable() instanceof Untestable && o.message().startsWith(NOTHING_TO_JUDGE)))
                    .toList();

            System.out.printf("[hostile] %s: %d scenarios, %d ERROR (\"%s\"), wall time %d ms%n", fault,
                    run.outcomes().size(), notPassed.size(), cause, run.wallTime().toMillis());
            assertThat(notPassed).as("scenarios that did not pass under %s", fault).isNotEmpty();
            assertThat(notPassed).as("under %s every scenario that did not pass is an ERROR naming \"%s\"",
                    fault, cause).allSatisfy(o -> {
                        assertThat(o.status()).as(o.name()).isEqualTo(TestExecutionResult.Status.FAILED);
                        assertThat(o.throwable()).as(o.name() + ": " + o.message())
                                .isNotInstanceOf(AssertionError.class);
                        assertThat(o.message()).as(o.name()).contains(cause);
                    });
            assertThat(run.wallTime()).as("wall time under %s", fault).isLessThan(WALL_TIME_BOUND);
            assertThat(run.reports().resolve("summary.md")).exists();
            assertThat(Files.readString(run.reports().resolve("summary.json")))
                    .contains("\"verdict\" : \"ERROR\"").contains(cause);
        }));
    }

    private static List<Fault> errorFaults() {
        return Arrays.stream(Fault.values()).filter(f -> f.expectedError().isPresent()).toList();
    }

    private static Run run(Fault fault, Path reports) throws IOException {
        Files.createDirectories(reports);
        Path profile = reports.resolve("profile.yaml");
        Files.writeString(profile, Files.readString(Path.of("profiles", "reference.yaml")).replace(
                "embedded_options: {}", "embedded_options:\n  faults: \"" + fault.name()
                        + "\"\n  deliver_after_ms: \"6000\""));
        LauncherDiscoveryRequest request = ConcurrentScenarios.request(".*Scenarios")
                .configurationParameter("conformance.profile", profile.toString())
                .configurationParameter("conformance.reports_dir", reports.toString())
                .configurationParameter("conformance.timeouts.event", "4s")

                .build();
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), result.getStatus(),
                            result.getThrowable().orElse(null)));
                }
            }
        });
        return new Run(List.copyOf(outcomes), Duration.ofNanos(System.nanoTime() - start), reports);
    }
}
