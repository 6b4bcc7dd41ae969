package org.sessionthreads.conformance.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the run measured besides verdicts: the terminated-event latency per event channel and the interleavings
 * the race kit observed, per race and per scenario. Both come from the scenarios that measured them (merged by
 * the ledger); an empty list means nothing was measured (no event or race scenario ran).
 *
 * @param latency  one entry per channel with at least one recorded verdict, in channel order
 * @param races    one entry per kind of race, sorted by name
 * @param findings what the run found about the target besides verdicts: a shortcut of its reads that a plain read
 *                 disagreed with, with the evidence (docs/event-reading.md); WARN lines, never a verdict or a gate
 */
public record Measurements(List<ChannelLatency> latency, List<Race> races, List<String> findings) {

    public Measurements {
        latency = List.copyOf(latency);
        races = List.copyOf(races);
        findings = List.copyOf(findings);
    }

    public Measurements(List<ChannelLatency> latency, List<Race> races) {
        this(latency, races, List.of());
    }

    /** Nothing measured (a run that did not start, or a test). */
    public static Measurements none() {
        return new Measurements(List.of(), List.of());
    }

    /** These measurements with {@code lines} as the findings about the target. */
    public Measurements withFindings(List<String> lines) {
        return new Measurements(latency, races, lines);
    }

    /**
     * Latency from the archive answer to the terminated event's arrival on one channel.
     *
     * @param channel  the channel's wire name ({@code polling}, {@code sse})
     * @param samples  how many latencies were measured (events that arrived: ON_TIME and LATE)
     * @param p50      nearest-rank median, {@link Duration#ZERO} without samples
     * @param p95      nearest-rank 95th percentile
     * @param max      the largest latency
     * @param verdicts how often each terminated-event verdict was given (ON_TIME, LATE, MISSING, …)
     */
    public record ChannelLatency(String channel, int samples, Duration p50, Duration p95, Duration max,
                                 Map<String, Integer> verdicts) {
        public ChannelLatency {
            verdicts = Map.copyOf(verdicts);
        }
    }

    /**
     * One kind of race: how often each outcome was seen over all its rounds, and in which scenario.
     *
     * @param interleavings outcome → rounds, e.g. {@code "1×200 + 7×409" → 5}, sorted by outcome
     */
    public record Race(String race, Map<String, Integer> interleavings, List<ScenarioRace> scenarios) {
        public Race {
            interleavings = Map.copyOf(interleavings);
            scenarios = List.copyOf(scenarios);
        }

        /** The number of rounds run, over all scenarios. */
        public int rounds() {
            return interleavings.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The interleavings one scenario (one invocation, e.g. "… [via sse]") observed in one race. */
    public record ScenarioRace(String requirement, String scenario, Map<String, Integer> interleavings) {
        public ScenarioRace {
            interleavings = Map.copyOf(interleavings);
        }
    }
}
