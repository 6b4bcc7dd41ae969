package org.sessionthreads.conformance.baseline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known outcome of every requirement, written from one results bundle ({@code baseline write DIR}), with the
 * suite version and dialect that produced it and the event latency a later run is compared with.
 *
 * @param p95 per event channel, the p95 latency in milliseconds
 */
public record Baseline(String suiteVersion, String dialect, List<BaselineEntry> entries, Map<String, Double> p95) {
    public Baseline {
        entries = List.copyOf(entries);
        p95 = Map.copyOf(p95);
    }

    /** The baseline of {@code run}; every failure's entry expires after {@code expires}, if given. */
    public static Baseline of(RunSnapshot run, Optional<LocalDate> expires) {
        Map<String, Double> p95 = new java.util.TreeMap<>();
        run.latency().forEach((channel, percentiles) -> p95.put(channel, percentiles.p95()));
        return new Baseline(run.suiteVersion(), run.dialect(), run.outcomes().stream()
                .map(o -> BaselineEntry.of(o, expires)).toList(), p95);
    }

    public Optional<BaselineEntry> entry(String requirement) {
        return entries.stream().filter(e -> e.requirement().equals(requirement)).findFirst();
    }
}
