package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dialect brings what its docs document: with the default neutral profile and only {@code dialect=forward}, the
 * Forward pages' Idempotency-Key is required, so IDEM-001/002 run against a Forward server, pass on a conformant
 * one and fail on each of its idempotency faults (ignored key, refused replay, a replay that re-executes).
 */
@Execution(ExecutionMode.CONCURRENT) // why: each method runs the suite against a server of its own
class DialectCapabilityDefaultsTest {
    private static final Map<String, String> SETTINGS = Map.of("dialect", "forward", "timeouts.event", "4s");
    private static final String IDEMPOTENCY = ".*IdempotencyScenarios";

    @TempDir
    Path dir;

    @Test
    void the_neutral_profile_with_the_forward_dialect_runs_the_idempotency_scenarios() {
        SuiteRun run = SuiteRun.withProfile("neutral", Map.of("dialect", "forward"), SETTINGS, dir, IDEMPOTENCY);

        assertThat(run.requirementsNotMet()).as(run.problems()).isEmpty();
        assertThat(run.requirementsSkipped()).as("DISABLED").doesNotContain("IDEM-001", "IDEM-002");
        assertThat(run.succeeded()).isEqualTo(run.started()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "IDEMPOTENCY_KEY_IGNORED, IDEM-002",
        "IDEMPOTENT_REPLAY_REFUSED, IDEM-001",
        "FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT, IDEM-001"})
    void each_idempotency_fault_of_a_forward_server_is_caught_with_only_the_dialect_set(String fault,
                                                                                      String broken) {
        SuiteRun run = SuiteRun.withProfile("neutral", Map.of("dialect", "forward", "faults", fault), SETTINGS, dir,
                IDEMPOTENCY);

        assertThat(run.requirementsNotMet()).as(run.problems()).contains(broken);
    }

    @Test
    void a_profile_can_still_switch_the_capability_off() {
        SuiteRun run = SuiteRun.withProfile("neutral", Map.of("dialect", "forward"),
                Map.of("dialect", "forward", "capabilities.idempotency_key", "false"), dir, IDEMPOTENCY);

        assertThat(run.requirementsSkipped()).contains("IDEM-001", "IDEM-002");
    }
}
