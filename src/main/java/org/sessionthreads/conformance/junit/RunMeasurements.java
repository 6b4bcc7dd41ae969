package org.sessionthreads.conformance.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.report.Measurements;

/** Merges what the scenarios measured (their event timings and race interleavings) into the run's figures. */
final class RunMeasurements {

    /** The interleavings one scenario observed: race → outcome → rounds. */
    record ScenarioInterleavings(String requirement, String scenario, Map<String, Map<String, Integer>> races) {
    }

    private RunMeasurements() {
    }

    static Measurements of(List<EventTimings.Sample> samples, List<ScenarioInterleavings> scenarios) {
        EventTimings timings = EventTimings.of(samples);
        List<Measurements.ChannelLatency> latency = new ArrayList<>();
        for (EventChannel channel : timings.channels()) {
            EventTimings.Snapshot snapshot = timings.snapshot(channel);
            Map<String, Integer> verdicts = new TreeMap<>();
            snapshot.verdicts().forEach((verdict, count) -> verdicts.put(verdict.name(), count));
            latency.add(new Measurements.ChannelLatency(channel.wireName(), snapshot.samples(), snapshot.p50(),
                    snapshot.p95(), snapshot.max(), verdicts));
        }
        Map<String, Map<String, Integer>> merged = new TreeMap<>();
        Map<String, List<Measurements.ScenarioRace>> byRace = new TreeMap<>();
        for (ScenarioInterleavings scenario : scenarios) {
            scenario.races().forEach((race, outcomes) -> {
                outcomes.forEach((outcome, rounds) -> merged.computeIfAbsent(race, r -> new TreeMap<>())
                        .merge(outcome, rounds, Integer::sum));
                byRace.computeIfAbsent(race, r -> new ArrayList<>()).add(new Measurements.ScenarioRace(
                        scenario.requirement(), scenario.scenario(), outcomes));
            });
        }
        List<Measurements.Race> races = new ArrayList<>();
        // why: scenarios finish in any order when they run concurrently; the summary lists them by name
        merged.forEach((race, outcomes) -> races.add(new Measurements.Race(race, outcomes, byRace.get(race).stream()
                .sorted(java.util.Comparator.comparing(Measurements.ScenarioRace::scenario)).toList())));
        return new Measurements(latency, races);
    }
}
