package org.sessionthreads.conformance.race;

import java.util.Optional;

/** The race judges' reading of a GET after the round: the status the child must (or must not) show. */
final class StatusAfterwards {

    private StatusAfterwards() {
    }

    /** A problem when {@code after} did not answer 200, or its status is (not) {@code status} against {@code expected}. */
    static Optional<RoundProblem> check(StatusRead after, String status, boolean expected) {
        if (after.status() == 200 && status.equals(after.threadStatus()) == expected) {
            return Optional.empty();
        }
        return Optional.of(new RoundProblem(RoundProblem.Kind.STATUS_AFTERWARDS, "GET afterwards shows status "
                + after.threadStatus() + " (expected " + (expected ? "" : "not ") + status + "): "
                + after.summary()));
    }
}
