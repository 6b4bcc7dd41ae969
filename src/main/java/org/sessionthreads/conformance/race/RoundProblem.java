package org.sessionthreads.conformance.race;

/** One broken promise of a round: what kind, and the evidence a user reads. */
public record RoundProblem(Kind kind, String text) {

    public enum Kind {
        /** An answer 5xx. */
        SERVER_ERROR,
        /** No simultaneous archive answered 200. */
        NONE_ACCEPTED,
        /** The 200 answers carry different archived_at. */
        SEVERAL_TRANSITIONS,
        /** An answer besides the first 200 that {@code readings.rearchive} does not allow. */
        ANSWER_NOT_ALLOWED,
        /** No terminated event for the raced child. */
        NO_TERMINATED_EVENT,
        /** A second terminated event for the raced child. */
        SECOND_TERMINATED_EVENT,
        /** GET after the round shows the wrong status (or does not answer 200). */
        STATUS_AFTERWARDS,
        /** A 409 without the delivery that would justify it. */
        REFUSED_WITHOUT_DELIVERY,
        /** An answer other than 200 or 409 to an archive racing a delivery. */
        UNEXPECTED_ANSWER,
        /** A delivery after an archive answered 200. */
        DELIVERED_AFTER_ARCHIVE
    }
}
