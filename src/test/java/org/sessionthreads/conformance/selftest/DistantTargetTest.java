package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mailbox scenarios against a target far away: the embedded server answering every request 150 or 400 ms later
 * (fixed or jittered), its hook queueing the pending message 600 ms ahead unless {@code window_ms} asks for more.
 * MBX-001 and CONC-002 pass on both channels without a window ({@code discovery: false}: nothing is measured, so
 * nothing is asked, as with a hook that ignores {@code window_ms}). With the window the run measures, the whole
 * suite against each variation is run by {@code MutationScoreTest} (reference profile) and
 * {@code RealConditionsRunnerIT} (the runner jar, neutral profile).
 */
@Execution(ExecutionMode.CONCURRENT) // why: each case runs the mailbox scenarios against a distant server of its own
class DistantTargetTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, discovery {1}")
    @CsvSource({"LATENCY_150, false", "LATENCY_400, false"})
    void should_pass_the_mailbox_scenarios_at_a_distance(String variation, boolean discovery) {
        SuiteRun run = SuiteRun.withProfile("reference", Map.of("variations", variation),
                Map.of("discovery", String.valueOf(discovery), "race.repetitions", "2"), dir,
                ".*(ArchiveSideEffect|ConcurrentArchive)Scenarios");

        assertThat(run.requirementsNotMet()).as(run.problems()).isEmpty();
        assertThat(run.thrownBy("MBX-001")).as(run.problems()).isEmpty();
        assertThat(run.thrownBy("CONC-002")).as(run.problems()).isEmpty();
        assertThat(run.succeeded()).as(run.problems()).isEqualTo(run.started()).isEqualTo(10);
    }
}
