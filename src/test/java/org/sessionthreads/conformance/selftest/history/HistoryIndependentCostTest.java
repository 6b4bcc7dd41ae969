package org.sessionthreads.conformance.selftest.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * Opening a cursor and finding the terminated event cost the same number of requests against
 * a session with {@value Variation#HUGE_HISTORY_EVENTS} earlier and as many interleaved events as against a plain
 * one, where the target offers the documented filters; where it does not, the cursor still finds the event (the
 * fallback reads everything, which costs more requests but not the verdict). Counts requests, not time.
 */
class HistoryIndependentCostTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_cost_the_same_with_a_huge_history_when_the_target_reads_newest_first_and_filters(
            EventChannel channel) {
        HistoryCost.Cost plain = HistoryCost.measure(Set.of(), channel, false);
        HistoryCost.Cost huge = HistoryCost.measure(Set.of(Variation.HUGE_HISTORY), channel, false);

        assertThat(huge.openRequests()).as("requests to open the cursor").isEqualTo(plain.openRequests())
                .isEqualTo(2 + streams(channel));
        assertThat(huge.findRequests()).as("requests to find the terminated event").isEqualTo(plain.findRequests());
        assertThat(huge.verdict()).isEqualTo(plain.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_open_with_one_request_when_the_fixture_names_its_last_event(EventChannel channel) {
        HistoryCost.Cost plain = HistoryCost.measure(Set.of(), channel, true);
        HistoryCost.Cost huge = HistoryCost.measure(Set.of(Variation.HUGE_HISTORY), channel, true);

        assertThat(huge.openRequests()).isEqualTo(plain.openRequests()).isEqualTo(1 + streams(channel));
        assertThat(huge.findRequests()).isEqualTo(plain.findRequests());
        assertThat(huge.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variation.class, names = {"LIST_FILTERS_IGNORED", "LIST_FILTERS_REJECTED"})
    void should_fall_back_to_reading_everything_and_learn_it_once(Variation lacking) {
        HistoryCost.Cost fallback = HistoryCost.measure(EnumSet.of(lacking), EventChannel.POLLING, false);
        HistoryCost.Cost plain = HistoryCost.measure(Set.of(), EventChannel.POLLING, false);

        assertThat(fallback.verdict()).isEqualTo(plain.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
        assertThat(fallback.learnt()).contains(lacking == Variation.LIST_FILTERS_IGNORED ? "IGNORED" : "REJECTED");
    }

    /** The stream connection an SSE cursor opens besides its list requests. */
    private static int streams(EventChannel channel) {
        return channel == EventChannel.SSE ? 1 : 0;
    }
}
