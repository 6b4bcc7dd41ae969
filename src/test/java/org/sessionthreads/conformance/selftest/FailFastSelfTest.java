package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fail_fast: true} wired into a run against a server that breaks ARCH-003, one scenario at a time: ARCH-003
 * FAILs, and whatever had not begun by then is skipped with the fail-fast reason naming it (DISABLED in the
 * summary), never passed or failed; a scenario that had begun is never cut short. With one scenario at a time and
 * eight selected, some scenario starts only after ARCH-003 failed, so at least one is skipped (the check is never
 * vacuous); which ones depends on JUnit's order, so the exact order is {@code FailFastGateTest}'s.
 */
class FailFastSelfTest {
    private static final Set<String> SELECTED = Set.of("ARCH-003", "NF-001", "NF-002", "COORD-001", "IDLE-001",
            "AUTH-001", "ARCH-001", "ARCH-002");

    @Test
    void noScenarioStartsAfterTheFirstGatingFailure(@TempDir Path dir) {
        SuiteRun run = SuiteRun.run(SuiteRun.Setup.of(Map.of("faults", "MISSING_ARCHIVED_AT"), dir)
                .withSetting("fail_fast", "true").withSetting("concurrency", "1").withOnlyScenariosOf(SELECTED));

        assertThat(run.requirementsNotMet()).as(run.problems()).containsExactly("ARCH-003");
        Map<String, String> skipped = run.skipReasons();
        assertThat(skipped).as("scenarios that fail-fast kept from starting").isNotEmpty();
        assertThat(skipped.values()).allSatisfy(reason -> assertThat(reason)
                .isEqualTo("fail-fast: not run after ARCH-003 failed (gating)"));
        assertThat(skipped).doesNotContainKey("ARCH-003");
        assertThat(run.requirementsPartlySkipped()).as("no scenario cut short").isEmpty();
    }
}
