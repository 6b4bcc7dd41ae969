package org.sessionthreads.conformance.explore;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.explore.model.Step;

/**
 * A finding's minimal sequence as typed steps, with what the sequence shown ran on, so that a reproduction can send
 * the same requests again on fixtures of its own.
 *
 * @param steps   the minimal sequence (empty for a concurrent history)
 * @param clients the clients of a concurrent history (0 for a sequence)
 * @param on      the fixtures and settle time of the sequence shown (empty when not known)
 */
public record FindingReplay(List<Step> steps, int clients, Optional<RanOn> on) {
    public FindingReplay {
        steps = List.copyOf(steps);
    }

    /** A sequence's replay: its steps, on what {@code shown} ran on. */
    public static FindingReplay of(List<Step> steps, SequenceResult shown) {
        return new FindingReplay(steps, 0, shown.ranOn());
    }

    /** A concurrent history of {@code clients} clients on a fixture of the finding's kind. */
    public static FindingReplay concurrent(int clients, Optional<RanOn> on) {
        return new FindingReplay(List.of(), clients, on);
    }
}
