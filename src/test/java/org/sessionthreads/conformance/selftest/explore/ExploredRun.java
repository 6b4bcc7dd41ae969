package org.sessionthreads.conformance.selftest.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.selftest.SuiteRun;

/**
 * What a suite run's exploration published (its {@code explore.*} report entries, junit.ExplorationChecks#entry):
 * requests, sequences judged, milliseconds and the findings.
 */
record ExploredRun(int requests, int sequences, long millis, List<Found> findings) {
    /** One finding: the requirement and rule it broke, the steps of its minimal sequence, whether confirmed. */
    record Found(String requirementId, String rule, int steps, boolean confirmed) {
    }

    static Optional<ExploredRun> of(SuiteRun run) {
        Map<String, String> entries = run.reportEntries();
        if (!entries.containsKey("explore.requests")) {
            return Optional.empty();
        }
        List<Found> found = Arrays.stream(entries.getOrDefault("explore.findings", "").split("\n"))
                .filter(line -> !line.isBlank()).map(line -> line.split(" "))
                .map(f -> new Found(f[0], f[1], Integer.parseInt(f[2]), Boolean.parseBoolean(f[3]))).toList();
        return Optional.of(new ExploredRun(Integer.parseInt(entries.get("explore.requests")),
                Integer.parseInt(entries.get("explore.sequences")), Long.parseLong(entries.get("explore.millis")),
                found));
    }

    List<Found> confirmed() {
        return findings.stream().filter(Found::confirmed).toList();
    }
}
