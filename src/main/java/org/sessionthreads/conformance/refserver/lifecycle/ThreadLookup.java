package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.List;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;
import org.sessionthreads.conformance.refserver.store.SessionStore;

/**
 * Resolves the ids of a request path in the contract's order: the session first, then the thread inside that
 * session. A malformed id is simply one that is never found. The faults of lookup, isolation and reads live here:
 * {@link Fault#CROSS_SESSION_THREAD}, {@link Fault#SESSION_ID_IGNORED}, {@link Fault#MALFORMED_ID_SERVER_ERROR},
 * {@link Fault#STALE_READS}, {@link Fault#LIST_PROJECTION_MISSES_ARCHIVE}.
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
        requireParsable(sessionId, IdPrefix.SESSION);
        return store.find(sessionId).orElseThrow(() -> ResourceNotFoundException.session(sessionId));
    }

    /**
     * @throws ResourceNotFoundException for an unknown session, or a thread that is unknown or belongs to another
     *                                   session (unless {@link Fault#CROSS_SESSION_THREAD})
     */
    public ThreadLocation thread(String sessionId, String threadId) {
        if (options.has(Fault.SESSION_ID_IGNORED)) {
            Optional<ThreadLocation> anywhere = anywhere(threadId);
            if (anywhere.isPresent()) {
                return anywhere.get();
            }
        }
        Session session = session(sessionId);
        requireParsable(threadId, IdPrefix.THREAD);
        Optional<SessionThread> own = session.thread(threadId);
        if (own.isPresent()) {
            return new ThreadLocation(session, own.get());
        }
        if (options.has(Fault.CROSS_SESSION_THREAD)) {
            return anywhere(threadId).orElseThrow(() -> ResourceNotFoundException.thread(threadId));
        }
        throw ResourceNotFoundException.thread(threadId);
    }

    /** The thread as GET shows it. */
    public SessionThread read(String sessionId, String threadId) {
        ThreadLocation location = thread(sessionId, threadId);
        return stale(location.session(), location.thread());
    }

    /** The threads of the session as the list shows them. */
    public List<SessionThread> readAll(Session session) {
        return session.threads().stream().map(thread -> listed(session, stale(session, thread)))
                .map(thread -> options.has(Fault.LIST_SHOWS_OLD_STATE) && thread.status() == ThreadStatus.ARCHIVED
                        ? session.previous(thread.id()).orElse(thread) : thread).toList();
    }

    /** Every session of the store. */
    public List<Session> sessions() {
        return store.all();
    }

    /**
     * The thread {@code threadId} in whichever session holds it, whatever the request path says; only for the
     * faults that ignore the session a thread belongs to.
     */
    public Optional<ThreadLocation> anywhere(String threadId) {
        for (Session other : store.all()) {
            Optional<SessionThread> found = other.thread(threadId);
            if (found.isPresent()) {
                return Optional.of(new ThreadLocation(other, found.get()));
            }
        }
        return Optional.empty();
    }

    private SessionThread stale(Session session, SessionThread thread) {
        return options.has(Fault.STALE_READS) ? session.previous(thread.id()).orElse(thread) : thread;
    }

    /** {@link Fault#LIST_PROJECTION_MISSES_ARCHIVE}: an archived thread as it was before its archive. */
    private SessionThread listed(Session session, SessionThread thread) {
        boolean projectionMissesArchive = options.has(Fault.LIST_PROJECTION_MISSES_ARCHIVE)
                && thread.status() == ThreadStatus.ARCHIVED;
        return projectionMissesArchive ? session.previous(thread.id()).orElse(thread) : thread;
    }

    private void requireParsable(String id, IdPrefix prefix) {
        boolean wellFormed = id != null && id.startsWith(prefix.prefix()) && id.length() > prefix.prefix().length();
        if (options.has(Fault.MALFORMED_ID_SERVER_ERROR) && !wellFormed) {
            throw new ServerFailureException("cannot parse id '" + id + "'");
        }
    }
}
