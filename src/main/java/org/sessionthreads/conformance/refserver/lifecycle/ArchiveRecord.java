package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Instant;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * What an archive writes and answers. The default methods are the conformant record ({@link #CONFORMANT}): the
 * thread archived with stop reason {@code archive} and {@code archived_at = updated_at = now}, stored, nothing
 * else written, and answered as stored.
 */
public interface ArchiveRecord {
    ArchiveRecord CONFORMANT = new ArchiveRecord() {
    };

    /** {@code current} as the archive at {@code now} leaves it. */
    default SessionThread stamp(SessionThread current, Instant now) {
        return current.archived(StopReason.ARCHIVE, now, now);
    }

    /** Stores the archived thread. */
    default void store(Session session, SessionThread archived) {
        session.put(archived);
    }

    /** Runs after the transition and its events; the archive writes nothing more. */
    default void afterwards(Session session, SessionThread before, SessionThread archived, Instant now) {
    }

    /** The thread the archive answers: the archived one. */
    default SessionThread answer(Session owner, SessionThread archived) {
        return archived;
    }
}
