package org.sessionthreads.conformance.selftest.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The verdict rules of the mutation self-test, on made-up results (no suite runs). */
class MutantResultTest {
    private static final Mutant FAULT = new Mutant(Mutant.Kind.FAULT, "F", Map.of(), List.of("A-1", "B-1"),
            Optional.empty(), Optional.empty());
    private static final Mutant SURVIVOR = new Mutant(Mutant.Kind.FAULT, "S", Map.of(), List.of("A-1"),
            Optional.of("no scenario sends X"), Optional.empty());

    @Test
    void should_kill_a_fault_only_when_every_declared_requirement_failed() {
        assertThat(result(FAULT, Set.of("A-1", "B-1", "C-1"), 10).problem()).isEmpty();
        assertThat(result(FAULT, Set.of("A-1"), 10).problem()).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("survived"));
    }

    @Test
    void should_not_count_a_run_in_which_nothing_passed_as_a_kill() {
        assertThat(result(FAULT, Set.of("A-1", "B-1"), 0).killed()).isFalse();
    }

    @Test
    void should_accept_a_known_survivor_until_it_is_killed() {
        assertThat(result(SURVIVOR, Set.of(), 10).problem()).isEmpty();
        assertThat(result(SURVIVOR, Set.of("A-1"), 10).problem()).hasValueSatisfying(
                problem -> assertThat(problem).contains("remove its known-survivor marker"));
    }

    @Test
    void should_report_any_failure_against_a_conformant_server_as_a_false_alarm() {
        assertThat(result(Mutant.conformant(), Set.of(), 10).problem()).isEmpty();
        assertThat(result(Mutant.conformant(), Set.of("A-1"), 9).problem()).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("false alarm: [A-1]"));
    }

    private static MutantResult result(Mutant mutant, Set<String> failed, long succeeded) {
        long started = succeeded + failed.size();
        return new MutantResult(mutant, failed, started, succeeded, Duration.ofSeconds(1), "");
    }
}
