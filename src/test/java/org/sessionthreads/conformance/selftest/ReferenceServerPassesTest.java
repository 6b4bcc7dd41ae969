package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's scenarios all pass against the conformant reference server with the shipped reference profile (no
 * false alarms). The conformant variations, re-archive answered 409 among them, are run by
 * {@code mutation.MutationScoreTest}.
 */
class ReferenceServerPassesTest {
    @TempDir
    Path dir;

    @Test
    void should_pass_every_scenario_against_the_reference_server() {
        SuiteRun run = SuiteRun.againstReferenceServer(Map.of(), dir);

        assertThat(run.requirementsNotMet()).as(run.problems()).isEmpty();
        assertThat(run.succeeded()).isEqualTo(run.started()).isEqualTo(SuiteRun.REFERENCE_INVOCATIONS);
    }
}
