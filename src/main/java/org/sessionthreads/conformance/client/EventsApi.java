package org.sessionthreads.conformance.client;

import java.net.URI;

/** {@code GET /sessions/{session_id}/events}: one page of a session's events, oldest first. */
public final class EventsApi {
    /** The page size the suite asks for: the documented maximum, to keep polls few. */
    public static final int PAGE_SIZE = 100;
    private final ApiClient client;
    private final URI apiBase;

    public EventsApi(ApiClient client, URI apiBase) {
        this.client = client;
        this.apiBase = apiBase;
    }

    /**
     * The page of events after {@code afterId} (exclusive), or the first page when it is null.
     */
    public ApiResponse listAfter(String sessionId, String afterId) {
        String query = Paths.param("limit", String.valueOf(PAGE_SIZE))
                + (afterId == null ? "" : "&" + Paths.param("after_id", afterId));
        return client.send("GET", Paths.withQuery(Paths.under(apiBase, "sessions", sessionId, "events"), query),
                Credentials.profileToken(), null);
    }
}
