package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests the run sent, per endpoint: method and path template, the ids elided ({@code POST
 * /v1/sessions/{id}/threads/{id}/archive}); every attempt counts, retries after 429/503 included, answered or not.
 * Shared by both HTTP doors; thread-safe. The summary shows the counts (section {@code requests}).
 */
public final class RequestCounts {
    /** Collections whose next path segment is an id. */
    private static final java.util.Set<String> COLLECTIONS = java.util.Set.of("sessions", "threads", "events",
            "agents", "environments", "messages", "_fixtures");

    /** Path segments that name an action or a sub-resource, never an id ({@code …/events/stream}). */
    private static final java.util.Set<String> LITERALS = java.util.Set.of("stream", "archive");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one request of {@code method} to {@code url}. */
    public void sent(String method, URI url) {
        counts.computeIfAbsent(method + " " + template(url.getRawPath()), k -> new LongAdder()).increment();
    }

    /** {@code /v1/sessions/sess_1/threads/sthr_2/archive} → {@code /v1/sessions/{id}/threads/{id}/archive}. */
    static String template(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            boolean id = i > 0 && COLLECTIONS.contains(segments[i - 1]) && !segments[i].isEmpty()
                    && !LITERALS.contains(segments[i]);
            out.append(id ? "{id}" : segments[i]);
        }
        return out.toString();
    }

    /** The counts so far, sorted by endpoint. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((endpoint, n) -> out.put(endpoint, n.sum()));
        return out;
    }

    /** All requests so far. */
    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
