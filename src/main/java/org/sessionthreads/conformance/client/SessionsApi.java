package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public creation API the {@code api} fixture strategy drives (api-digest §5): create an agent, create a
 * session, send it a {@code user.message}, watch its threads and events, archive it. Every call uses the profile's
 * token and goes through the same capture as the archive requests, so it shows up in the scenario's report.
 *
 * <pre>{@code
 * ApiResponse agent = sessions.createAgent(Map.of("name", "conformance run-…", "model", "ultimate", ...));
 * ApiResponse session = sessions.createSession(Map.of("agent", agentId, "title", "conformance run-… idle_child"));
 * sessions.sendUserMessage(sessionId, "delegate idle");
 * sessions.listThreads(sessionId, null).threads();       // until a child is idle
 * sessions.archiveSession(sessionId);                     // release
 * }</pre>
 */
public final class SessionsApi {
    private final ApiClient client;
    private final URI apiBase;
    private final EventsApi events;

    public SessionsApi(ApiClient client, URI apiBase) {
        this.client = client;
        this.apiBase = apiBase;
        this.events = new EventsApi(client, apiBase);
    }

    /** {@code POST /agents} with {@code body} (name, model, system, tools, multiagent, ...); 201 with the agent. */
    public ApiResponse createAgent(Map<String, ?> body) {
        return client.send("POST", Paths.under(apiBase, "agents"), Credentials.profileToken(), JsonBody.write(body));
    }

    /** {@code POST /sessions} with {@code body} (agent, environment_id, title, metadata); 201 with the session. */
    public ApiResponse createSession(Map<String, ?> body) {
        return client.send("POST", Paths.under(apiBase, "sessions"), Credentials.profileToken(),
                JsonBody.write(body));
    }

    /**
     * {@code POST /sessions/{session_id}/events} with one {@code user.message} whose content is one text block;
     * 200 with the created events' ids in {@code data}.
     */
    public ApiResponse sendUserMessage(String sessionId, String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "user.message");
        event.put("content", List.of(block));
        return client.send("POST", Paths.under(apiBase, "sessions", sessionId, "events"), Credentials.profileToken(),
                JsonBody.write(Map.of("events", List.of(event))));
    }

    /** {@code POST /sessions/{session_id}/archive}; 200 with the session and its {@code archived_at}. */
    public ApiResponse archiveSession(String sessionId) {
        return client.send("POST", Paths.under(apiBase, "sessions", sessionId, "archive"), Credentials.profileToken(),
                null);
    }

    /** {@code GET /sessions/{session_id}/threads?limit=100[&page=…]}: one page, coordinator first. */
    public ApiResponse listThreads(String sessionId, String page) {
        String query = Paths.param("limit", String.valueOf(EventsApi.PAGE_SIZE))
                + (page == null ? "" : "&" + Paths.param("page", page));
        return client.send("GET", Paths.withQuery(Paths.under(apiBase, "sessions", sessionId, "threads"), query),
                Credentials.profileToken(), null);
    }

    /** {@code GET /sessions/{session_id}/threads/{thread_id}}. */
    public ApiResponse getThread(ThreadRef thread) {
        return client.send("GET", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId()),
                Credentials.profileToken(), null);
    }

    /** One page of the session's events after {@code afterId} (exclusive), or the first page when it is null. */
    public ApiResponse eventsAfter(String sessionId, String afterId) {
        return events.listAfter(sessionId, afterId);
    }

    /** Everything before {@code /sessions}. */
    public URI apiBase() {
        return apiBase;
    }
}
