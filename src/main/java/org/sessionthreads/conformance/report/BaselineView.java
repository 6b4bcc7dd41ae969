package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's comparison with its baseline, as every report shows it: one mark per requirement that failed now or in
 * the baseline, a note saying why, and warnings about the baseline itself (another suite version, event latency
 * worse than the tolerance).
 *
 * @param source   what the baseline is: its file and the suite version and dialect it was written by
 * @param marks    requirement id → its mark; requirements without one passed (or were not judged) in both
 * @param notes    requirement id → why it has its mark ({@code was PASS}, {@code entry expired 2026-01-31}, …)
 * @param warnings lines about the comparison as a whole; they never change the exit code
 */
public record BaselineView(String source, Map<String, Mark> marks, Map<String, String> notes,
                           List<String> warnings) {

    /** The comparison column of the verdict table. */
    public enum Mark {
        /** Fails now; passed in the baseline, was absent from it, failed another way, or its entry expired. */
        NEW,
        /** Fails now the same way as in the baseline (same failure signature), entry not expired. */
        KNOWN,
        /** Passes now; failed in the baseline. */
        FIXED
    }

    public BaselineView {
        marks = java.util.Collections.unmodifiableMap(new TreeMap<>(marks));
        notes = java.util.Collections.unmodifiableMap(new TreeMap<>(notes));
        warnings = List.copyOf(warnings);
    }

    public Optional<Mark> mark(String requirement) {
        return Optional.ofNullable(marks.get(requirement));
    }

    /** The requirement ids with {@code mark}, sorted. */
    public List<String> ids(Mark mark) {
        return marks.entrySet().stream().filter(e -> e.getValue() == mark).map(Map.Entry::getKey).toList();
    }

    /** The mark of {@code requirement} with its note, e.g. {@code NEW (was PASS)}; empty when it has none. */
    public String cell(String requirement) {
        return mark(requirement).map(m -> m + Optional.ofNullable(notes.get(requirement)).map(n -> " (" + n + ")")
                .orElse("")).orElse("");
    }
}
