package org.sessionthreads.conformance.refserver.lifecycle;

import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/** The two parts of an archive that {@link ArchiveRules} may run again, on other threads than the one named. */
public interface Archiver {
    /** The whole archive of {@code threadId} in {@code owner}: guard, checks and transition. */
    SessionThread archive(Session owner, String threadId);

    /** The transition alone (step 7) on {@code current}, without the checks; the caller holds the session lock. */
    SessionThread transition(Session session, SessionThread current);
}
