package org.sessionthreads.conformance.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;

/** How violations quote events and archive requests, and how the judges compare timestamps. */
final class Evidence {

    private Evidence() {
    }

    /** Timestamps compared as instants (any precision and offset); text that is no timestamp compared as text. */
    static boolean sameInstant(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException notATimestamp) {
            return a.equals(b);
        }
    }

    /** {@code " [session.thread_status_terminated evt_… at 2025-…]"} per event. */
    static String briefs(List<Event> events) {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append(" [").append(e.type()).append(' ').append(e.id()).append(" at ")
                    .append(e.json().path("processed_at").asString("?")).append(']');
        }
        return text.toString();
    }

    /** {@code {req_1=409 via session sess_…}}: each request's id, status and the session its path named. */
    static String requests(List<ArchiveJournal.Entry> named) {
        Map<String, String> lines = new LinkedHashMap<>();
        named.forEach(e -> lines.put(e.requestId(), e.status() + " via session " + e.thread().sessionId()));
        return lines.toString();
    }

    /**
     * The events that share a key with another, grouped by key in order of first appearance; events whose key is
     * null are not counted.
     */
    static Map<String, List<Event>> repeated(List<Event> events, Function<Event, String> key) {
        Map<String, List<Event>> groups = new LinkedHashMap<>();
        events.forEach(e -> {
            String k = key.apply(e);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        });
        groups.values().removeIf(group -> group.size() < 2);
        return groups;
    }
}
