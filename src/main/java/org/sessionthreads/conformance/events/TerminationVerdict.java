package org.sessionthreads.conformance.events;

/**
 * How the terminated event of one archive behaved, measured from the archive answer to the moment the suite
 * received the event (see {@link EventCursor#awaitTermination}).
 */
public enum TerminationVerdict {
    /** Received within {@code timeouts.event_expected}. */
    ON_TIME,
    /** Received after {@code timeouts.event_expected} but within {@code timeouts.event}: a SHOULD-level warning. */
    LATE,
    /** Not received within {@code timeouts.event}. */
    MISSING,
    /** A second terminated event for the same thread arrived within {@code timeouts.quiet} of the first. */
    DUPLICATE,
    /** A terminated event for the thread was already there before the archive request was sent. */
    OUT_OF_ORDER
}
