package org.sessionthreads.conformance.refserver.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.Ids;

/**
 * All sessions of a running reference server. Sessions are created only by the fixture hook and live until the hook
 * deletes them or the server stops; nothing is persisted.
 */
public final class SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Ids ids;

    /**
     * @param scheduler runs mailbox deliveries; owned by the caller
     * @param ids       where session ids come from
     */
    public SessionStore(ScheduledExecutorService scheduler, Ids ids) {
        this.scheduler = scheduler;
        this.ids = ids;
    }

    /** A new, empty session with a fresh {@code sess_} id. */
    public Session create() {
        Session session = new Session(ids.next(IdPrefix.SESSION), scheduler);
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    public List<Session> all() {
        return List.copyOf(sessions.values());
    }

    /** Removes the session, cancels its timers and ends its streams; unknown ids are ignored. */
    public void remove(String sessionId) {
        Session removed = sessions.remove(sessionId);
        if (removed != null) {
            removed.close();
        }
    }

    /** Removes every session (server shutdown). */
    public void clear() {
        List.copyOf(sessions.keySet()).forEach(this::remove);
    }
}
