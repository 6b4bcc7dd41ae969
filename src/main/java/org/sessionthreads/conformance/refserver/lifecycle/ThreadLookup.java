package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.store.Session;
import org.sessionthreads.conformance.refserver.store.SessionStore;

/**
 * Resolves the ids of a request path in the contract's order: the session first, then the thread inside that
 * session. A malformed id is simply one that is never found.
 */
public final class ThreadLookup {
    private final SessionStore store;
    private final ServerOptions options;

    public ThreadLookup(SessionStore store, ServerOptions options) {
        this.store = store;
        this.options = options;
    }

    /** @throws ResourceNotFoundException "Session '…' was not found." */
    public Session session(String sessionId) {
        return store.find(sessionId).orElseThrow(() -> ResourceNotFoundException.session(sessionId));
    }

    /**
     * @throws ResourceNotFoundException for an unknown session, or a thread that is unknown or belongs to another
     *                                   session (unless {@link Fault#CROSS_SESSION_THREAD})
     */
    public ThreadLocation thread(String sessionId, String threadId) {
        Session session = session(sessionId);
        Optional<SessionThread> own = session.thread(threadId);
        if (own.isPresent()) {
            return new ThreadLocation(session, own.get());
        }
        if (options.has(Fault.CROSS_SESSION_THREAD)) {
            for (Session other : store.all()) {
                Optional<SessionThread> found = other.thread(threadId);
                if (found.isPresent()) {
                    return new ThreadLocation(other, found.get());
                }
            }
        }
        throw ResourceNotFoundException.thread(threadId);
    }
}
