package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.report.Measurements;

/** The run merges its scenarios' measurements exactly. */
class RunMeasurementsTest {

    @Test
    void should_merge_the_scenarios_into_percentiles_per_channel_and_interleavings_per_race() {
        List<EventTimings.Sample> samples = new java.util.ArrayList<>();
        for (int ms = 1; ms <= 20; ms++) {
            samples.add(new EventTimings.Sample(EventChannel.POLLING, TerminationVerdict.ON_TIME,
                    Duration.ofMillis(ms)));
        }
        samples.add(new EventTimings.Sample(EventChannel.SSE, TerminationVerdict.LATE, Duration.ofMillis(2500)));
        samples.add(new EventTimings.Sample(EventChannel.SSE, TerminationVerdict.DUPLICATE, null));
        List<RunMeasurements.ScenarioInterleavings> scenarios = List.of(
                new RunMeasurements.ScenarioInterleavings("CONC-001", "CONC-001 x [via sse]",
                        Map.of("race A", Map.of("1×200 + 7×409", 2, "8×200", 1))),
                new RunMeasurements.ScenarioInterleavings("CONC-001", "CONC-001 x [via polling]",
                        Map.of("race A", Map.of("1×200 + 7×409", 3))),
                new RunMeasurements.ScenarioInterleavings("CONC-002", "CONC-002 y [via sse]",
                        Map.of("race B", Map.of("archived", 3))));

        Measurements measured = RunMeasurements.of(samples, scenarios);

        assertThat(measured.latency()).hasSize(2);
        Measurements.ChannelLatency polling = measured.latency().get(0);
        assertThat(polling.channel()).isEqualTo("polling");
        assertThat(polling.samples()).isEqualTo(20);
        assertThat(polling.p50()).isEqualTo(Duration.ofMillis(10));
        assertThat(polling.p95()).isEqualTo(Duration.ofMillis(19));
        assertThat(polling.max()).isEqualTo(Duration.ofMillis(20));
        assertThat(polling.verdicts()).containsExactlyEntriesOf(Map.of("ON_TIME", 20));
        Measurements.ChannelLatency sse = measured.latency().get(1);
        assertThat(sse.samples()).isEqualTo(1);
        assertThat(sse.max()).isEqualTo(Duration.ofMillis(2500));
        assertThat(sse.verdicts()).containsOnly(Map.entry("LATE", 1), Map.entry("DUPLICATE", 1));
        assertThat(measured.races()).extracting(Measurements.Race::race).containsExactly("race A", "race B");
        Measurements.Race a = measured.races().get(0);
        assertThat(a.interleavings()).containsOnly(Map.entry("1×200 + 7×409", 5), Map.entry("8×200", 1));
        assertThat(a.rounds()).isEqualTo(6);
        assertThat(a.scenarios()).extracting(Measurements.ScenarioRace::scenario)
                .containsExactly("CONC-001 x [via polling]", "CONC-001 x [via sse]");
        assertThat(measured.races().get(1).rounds()).isEqualTo(3);
    }
}
