package org.sessionthreads.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    @Test
    void should_hold_estimates_of_running_sequences_and_refuse_one_that_no_longer_fits() {
        RequestBudget budget = new RequestBudget(100);

        int first = budget.hold(9);
        int second = budget.hold(9);
        int third = budget.hold(9);

        assertThat(first).isEqualTo(RequestBudget.FIRST_PER_STEP * 10);
        assertThat(second).isEqualTo(first);
        assertThat(third).as("80 held, 40 more would pass 100").isEqualTo(-1);
        assertThat(budget.refusedAny()).isTrue();
    }

    @Test
    void should_estimate_from_the_dearest_sequence_per_step_seen() {
        RequestBudget budget = new RequestBudget(1_000);
        int held = budget.hold(1);

        budget.spend(held, 1, 19);

        assertThat(budget.spent()).isEqualTo(19);
        assertThat(budget.hold(3)).as("10 per step after a 2-step cost of 19 (+1)").isEqualTo(40);
        assertThat(budget.refusedAny()).isFalse();
    }
}
