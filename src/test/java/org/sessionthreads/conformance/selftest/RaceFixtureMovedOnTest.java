package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race kit's guards against a fixture that moved on do not turn an unusual but conformant target into an
 * ERROR: {@code DEPLOYMENT_PACE} hands a fixture out 2 s after it was asked for, with its pending message due
 * 1 s after that (the delay starts when the fixture is handed out). The child is idle when the cursor opens, so
 * CONC-002 races and passes, as does CONC-001.
 */
class RaceFixtureMovedOnTest {
    @TempDir
    Path dir;

    @Test
    void should_race_and_pass_when_the_hook_answers_later_than_the_delivery_delay() {
        SuiteRun run = SuiteRun.withProfile("reference", Map.of("variations", "DEPLOYMENT_PACE",
                "deliver_after_ms", "1000"), Map.of("race.repetitions", "2"), dir, ".*ConcurrentArchiveScenarios");

        assertThat(run.requirementsNotMet()).as(run.problems()).isEmpty();
        assertThat(run.thrownBy("CONC-002")).isEmpty();
        assertThat(run.succeeded()).isEqualTo(run.started()).isEqualTo(4); // CONC-001, CONC-002, per channel
    }
}
