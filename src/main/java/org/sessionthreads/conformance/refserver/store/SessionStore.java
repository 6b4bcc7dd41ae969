package org.sessionthreads.conformance.refserver.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.sessionthreads.conformance.refserver.model.IdPrefix;

/**
 * All sessions of a running reference server. Sessions are created only by the fixture hook and live until the hook
 * deletes them or the server stops; nothing is persisted.
 */
public final class SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    /** @param scheduler runs mailbox deliveries; owned by the caller */
    public SessionStore(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A new, empty session with a fresh {@code sess_} id. */
    public Session create() {
        Session session = new Session(IdPrefix.SESSION.next(), scheduler);
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
