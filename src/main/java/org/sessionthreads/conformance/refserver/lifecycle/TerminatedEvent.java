package org.sessionthreads.conformance.refserver.lifecycle;

import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * How the {@code session.thread_status_terminated} event of an archive is published. The default methods are the
 * conformant event ({@link #CONFORMANT}): one event, naming the archived thread, with stop reason {@code archive},
 * appended with the archive (or after the delay a variation asks for).
 */
public interface TerminatedEvent {
    TerminatedEvent CONFORMANT = new TerminatedEvent() {
    };

    /** How long after the archive the event is appended, given the {@code usual} delay. */
    default long delayMillis(long usual) {
        return usual;
    }

    /** The thread the event names. */
    default SessionThread subject(Session session, SessionThread archived) {
        return archived;
    }

    /** The event's stop reason. */
    default StopReason stopReason() {
        return StopReason.ARCHIVE;
    }

    /** Appends the event: {@code appendOne} appends one copy, with a fresh id. */
    default void publish(Session session, Runnable appendOne) {
        appendOne.run();
    }
}
