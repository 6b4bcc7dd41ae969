package org.sessionthreads.conformance.race;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record of the race kit: for each kind of race, how often each outcome (interleaving) was observed,
 * e.g. {@code "8 simultaneous archives" → {"1×200 + 7×409": 5, "8×200": 1}}. Thread-safe. Each scenario has its
 * own (the run's summary lists them per scenario and merged per race); reports read {@link #snapshot()}.
 */
public final class Interleavings {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();

    synchronized void record(String race, String outcome) {
        counts.computeIfAbsent(race, r -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
    }

    /** Race → outcome → count, sorted by name. */
    public synchronized Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        counts.forEach((race, outcomes) -> copy.put(race, Map.copyOf(outcomes)));
        return copy;
    }
}
