package org.sessionthreads.conformance.refserver.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a session's event log.
 *
 * @param fields the type-specific fields in wire order (values are strings, numbers, booleans, {@code null}, maps
 *               and lists, ready for a JSON writer); the common fields ({@code id}, {@code type}, {@code session_id},
 *               {@code session_thread_id}, {@code processed_at}, {@code created_at}) are not repeated here
 */
public record SessionEvent(
        String id, EventType type, String sessionId, String sessionThreadId, Instant at, Map<String, Object> fields) {

    public SessionEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A new event {@code id} about {@code thread}. */
    public static SessionEvent about(
            String id, SessionThread thread, EventType type, Instant at, Map<String, Object> fields) {
        return new SessionEvent(id, type, thread.sessionId(), thread.id(), at, fields);
    }
}
