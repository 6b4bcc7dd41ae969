package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * {@code GET /sessions/{session_id}/events}: one page of a session's events, oldest first unless asked otherwise.
 * The documented narrowing parameters ({@code order=desc}, {@code types}) are optional for a target; callers check
 * what comes back (see {@code events.ListCapabilities}).
 */
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
        return list(sessionId, afterId, PAGE_SIZE, false, java.util.List.of());
    }

    /**
     * The page of events after {@code afterId} of the given {@code types} (sent as repeated {@code types=}
     * parameters; none: every type).
     */
    public ApiResponse listAfter(String sessionId, String afterId, Collection<String> types) {
        return list(sessionId, afterId, PAGE_SIZE, false, types);
    }

    /** {@code limit=1&order=desc}: the newest event, where the target reads newest first. */
    public ApiResponse newest(String sessionId) {
        return list(sessionId, null, 1, true, java.util.List.of());
    }

    /** {@code limit=<page size>&order=desc}: the newest page of events, where the target reads newest first. */
    public ApiResponse newestPage(String sessionId) {
        return list(sessionId, null, PAGE_SIZE, true, java.util.List.of());
    }

    /** {@code limit=1[&after_id=…]}: the one event after {@code afterId} (or the oldest), if any. */
    public ApiResponse oneAfter(String sessionId, String afterId) {
        return list(sessionId, afterId, 1, false, java.util.List.of());
    }

    /** One page as {@code query} asks for it (the session's list or a thread's; see {@link EventQuery}). */
    public ApiResponse page(EventQuery query) {
        java.net.URI list = query.threadId() == null
                ? Paths.under(apiBase, "sessions", query.sessionId(), "events")
                : Paths.under(apiBase, "sessions", query.sessionId(), "threads", query.threadId(), "events");
        return client.send("GET", Paths.withQuery(list, query.query()), Credentials.profileToken(), null);
    }

    private ApiResponse list(String sessionId, String afterId, int limit, boolean newestFirst,
                             Collection<String> types) {
        String query = Paths.param("limit", String.valueOf(limit))
                + (newestFirst ? "&" + Paths.param("order", "desc") : "")
                + (afterId == null ? "" : "&" + Paths.param("after_id", afterId))
                + types.stream().sorted().map(type -> "&" + Paths.param("types", type)).collect(Collectors.joining());
        return client.send("GET", Paths.withQuery(Paths.under(apiBase, "sessions", sessionId, "events"), query),
                Credentials.profileToken(), null);
    }
}
