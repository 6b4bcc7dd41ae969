package org.sessionthreads.conformance.explore;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * What one sequence did on its fresh fixture: judged and passed, judged and failed at a step (the rules it broke
 * there; the sequence stops at its first failing step), or judged nothing (no fixture, no answer: UNTESTABLE, noted).
 *
 * @param failedAt   index of the failing step, -1 when none failed
 * @param untestable why nothing was judged (empty when the sequence was judged)
 * @param requests   requests the sequence sent (fixtures excluded)
 * @param problems   views that could not be read (not judged)
 * @param ranOn      the fixtures the sequence ran on (empty when it got none)
 */
public record SequenceResult(FixtureKind kind, List<Step> steps, int failedAt, List<Violation> violations,
                             Optional<String> untestable, int requests, List<String> problems,
                             Optional<RanOn> ranOn) {
    public SequenceResult {
        steps = List.copyOf(steps);
        violations = List.copyOf(violations);
        problems = List.copyOf(problems);
    }

    /** A result whose fixtures are not (yet) known. */
    public SequenceResult(FixtureKind kind, List<Step> steps, int failedAt, List<Violation> violations,
                          Optional<String> untestable, int requests, List<String> problems) {
        this(kind, steps, failedAt, violations, untestable, requests, problems, Optional.empty());
    }

    /** This result, run on {@code on}. */
    SequenceResult on(RanOn on) {
        return new SequenceResult(kind, steps, failedAt, violations, untestable, requests, problems,
                Optional.of(on));
    }

    public boolean failed() {
        return !violations.isEmpty();
    }

    /** Whether this result breaks {@code rule} of {@code requirement}. */
    public boolean breaks(String requirement, String rule) {
        return violations.stream().anyMatch(v -> v.requirementId().equals(requirement) && v.rule().equals(rule));
    }
}
