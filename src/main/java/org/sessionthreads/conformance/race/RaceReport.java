package org.sessionthreads.conformance.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sessionthreads.conformance.client.ThreadRef;

/**
 * What one scenario's races showed: the outcome (interleaving) of every round and every problem found. Built by
 * {@link ArchiveRaces}; the scenario asserts on it.
 */
public final class RaceReport {
    private final String race;
    private final String promise;
    private final List<String> outcomes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    RaceReport(String race, String promise) {
        this.race = race;
        this.promise = promise;
    }

    void round(int number, int of, ThreadRef thread, String outcome, List<String> roundProblems) {
        outcomes.add(outcome);
        roundProblems.forEach(problem -> problems.add("round " + number + " of " + of + " (" + thread + ", "
                + outcome + "): " + problem));
    }

    /** Outcome → how many rounds ended that way, e.g. {@code {"1×200 + 7×409": 3}}. */
    public Map<String, Integer> interleavings() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        return counts;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * @throws AssertionError listing every problem of every round, and the interleavings observed
     */
    public RaceReport assertEveryRoundKeptThePromise() {
        if (!problems.isEmpty()) {
            throw new AssertionError("Expecting every round of " + race + " to " + promise + " but:\n  "
                    + String.join("\n  ", problems) + "\n  interleavings observed: " + interleavings());
        }
        return this;
    }

    @Override
    public String toString() {
        return race + ": " + interleavings();
    }
}
