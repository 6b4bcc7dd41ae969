package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.EventChannel;

class EventTimingsTest {

    @Test
    void should_give_nearest_rank_percentiles_per_channel() {
        EventTimings timings = new EventTimings();
        for (int ms = 1; ms <= 20; ms++) {
            timings.record(EventChannel.POLLING, TerminationVerdict.ON_TIME, Duration.ofMillis(ms));
        }
        timings.record(EventChannel.SSE, TerminationVerdict.LATE, Duration.ofMillis(100));
        timings.record(EventChannel.SSE, TerminationVerdict.MISSING, null);

        EventTimings.Snapshot polling = timings.snapshot(EventChannel.POLLING);
        EventTimings.Snapshot sse = timings.snapshot(EventChannel.SSE);

        assertThat(polling.samples()).isEqualTo(20);
        assertThat(polling.p50()).isEqualTo(Duration.ofMillis(10));
        assertThat(polling.p95()).isEqualTo(Duration.ofMillis(19));
        assertThat(polling.max()).isEqualTo(Duration.ofMillis(20));
        assertThat(sse.samples()).isEqualTo(1);
        assertThat(sse.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(sse.verdicts()).containsOnly(java.util.Map.entry(TerminationVerdict.LATE, 1),
                java.util.Map.entry(TerminationVerdict.MISSING, 1));
        assertThat(timings.channels()).containsExactly(EventChannel.POLLING, EventChannel.SSE);
        assertThat(timings.samples()).hasSize(22);
        assertThat(EventTimings.of(timings.samples()).snapshot(EventChannel.POLLING)).isEqualTo(polling);
        assertThat(polling.describe()).isEqualTo("p50 10 ms, p95 19 ms, max 20 ms (n=20); ON_TIME 20");
    }

    @Test
    void should_report_zeros_without_samples() {
        EventTimings.Snapshot empty = new EventTimings().snapshot(EventChannel.SSE);

        assertThat(empty.samples()).isZero();
        assertThat(empty.p50()).isEqualTo(Duration.ZERO);
        assertThat(empty.verdicts()).isEmpty();
    }
}
