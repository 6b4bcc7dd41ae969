package org.sessionthreads.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which rules stand for each other while a finding is shrunk. */
class RuleFamiliesTest {

    @Test
    void should_relate_a_second_terminated_event_under_either_name_and_nothing_else() {
        assertThat(RuleFamilies.related("events.terminated.once", "events.terminated.none_for_rearchive")).isTrue();
        assertThat(RuleFamilies.related("events.terminated.none_for_rearchive", "events.terminated.once")).isTrue();
        assertThat(RuleFamilies.related("child.archived.stored", "child.archived.stored")).isTrue();
        assertThat(RuleFamilies.related("events.terminated.once", "events.terminated.emitted")).isFalse();
        assertThat(RuleFamilies.related("child.archived.stored", "events.terminated.once")).isFalse();
    }
}
