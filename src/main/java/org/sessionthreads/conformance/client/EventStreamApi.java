package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.Collection;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseListener;

/** {@code GET /sessions/{session_id}/events/stream}: a session's events as Server-Sent Events, live. */
public final class EventStreamApi {
    private final SseClient client;
    private final URI apiBase;

    public EventStreamApi(SseClient client, URI apiBase) {
        this.client = client;
        this.apiBase = apiBase;
    }

    /**
     * Opens the session's stream; returns once the target answered (see {@link SseClient#connect}).
     *
     * @param lastEventId resume after this event (sent as {@code Last-Event-ID}); null for live events only
     */
    public SseConnection open(String sessionId, String lastEventId, SseListener listener) {
        return open(sessionId, lastEventId, java.util.List.of(), listener);
    }

    /** As {@link #open(String, String, SseListener)}, asking for {@code types} only (repeated {@code types=}). */
    public SseConnection open(String sessionId, String lastEventId, Collection<String> types, SseListener listener) {
        URI stream = Paths.under(apiBase, "sessions", sessionId, "events", "stream");
        String query = types.stream().sorted().map(type -> Paths.param("types", type)).collect(Collectors.joining("&"));
        return client.connect(query.isEmpty() ? stream : Paths.withQuery(stream, query), lastEventId, listener);
    }
}
