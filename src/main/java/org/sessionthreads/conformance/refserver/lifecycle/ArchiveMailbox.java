package org.sessionthreads.conformance.refserver.lifecycle;

import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;

/** What an archive does to the archived thread's pending messages; conformant: cancel them all. */
@FunctionalInterface
public interface ArchiveMailbox {
    ArchiveMailbox CANCEL_ALL = (session, archived) -> session.mailbox().cancelAll(archived.id());

    void settle(Session session, SessionThread archived);
}
