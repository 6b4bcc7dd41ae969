package org.sessionthreads.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DdminTest {
    @Test
    void keepsTheOneStepThatFails() {
        List<Integer> steps = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(Shrinker.ddmin(steps, candidate -> candidate.contains(9))).containsExactly(9);
    }

    @Test
    void keepsTwoStepsThatFailOnlyTogetherInTheirOrder() {
        List<Integer> steps = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Shrinker.ddmin(steps, candidate -> candidate.contains(2) && candidate.contains(7)
                && candidate.indexOf(2) < candidate.indexOf(7))).containsExactly(2, 7);
    }

    @Test
    void aSequenceThatIsAlreadyMinimalStaysAsItIs() {
        List<String> steps = List.of("archive", "wait", "archive again");
        assertThat(Shrinker.ddmin(steps, candidate -> candidate.size() == 3)).isEqualTo(steps);
    }
}
