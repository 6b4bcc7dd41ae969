package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.function.Supplier;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * How one archive's read-check-act is guarded against concurrent archives in the same session. The conformant
 * guard, {@link #SESSION_LOCK}, runs all of it under the session lock, so that racing archives of one child make
 * exactly one transition and one terminated event.
 */
public interface ArchiveLock {
    /** Read, check and act under the session lock. */
    ArchiveLock SESSION_LOCK = (owner, threadId, readCheckAct) -> owner.exclusively(readCheckAct);

    /** Runs {@code readCheckAct} (the archive of {@code threadId}) for {@code owner}; returns what it answers. */
    SessionThread guard(Session owner, String threadId, Supplier<SessionThread> readCheckAct);

    /** Runs between a check that lets the archive go ahead and the transition; the conformant guard does nothing. */
    default void betweenCheckAndAct() {
    }
}
