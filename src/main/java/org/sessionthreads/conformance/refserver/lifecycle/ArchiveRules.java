package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.Optional;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * The archive page's rules about which thread may be archived, and what a refusal or a re-archive does. The
 * default methods are the conformant rules ({@link #CONFORMANT}): both refusals hold, a refusal and a 404 change
 * nothing, a re-archive answers the thread unchanged.
 */
public interface ArchiveRules {
    ArchiveRules CONFORMANT = new ArchiveRules() {
    };

    /** Whether the refusal for {@code reason} (the coordinator, a thread that is not idle) holds. */
    default boolean enforces(ArchiveRejectedException.Reason reason) {
        return true;
    }

    /** Runs when the archive of {@code current} is refused for {@code reason}, before the 409 is answered. */
    default void whenRefused(Session session, SessionThread current, ArchiveRejectedException.Reason reason,
                             Archiver archiver) {
    }

    /**
     * The answer to the archive of an already archived thread, when re-archive is answered 200; empty archives it
     * again.
     */
    default Optional<SessionThread> rearchive(Session session, SessionThread current) {
        return Optional.of(current);
    }

    /** Runs when {@code threadId} is not found in session {@code sessionId}, before the 404 is answered. */
    default void whenNotFound(String sessionId, String threadId, Archiver archiver) {
    }
}
