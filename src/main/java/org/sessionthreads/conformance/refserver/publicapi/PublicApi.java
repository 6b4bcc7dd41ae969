package org.sessionthreads.conformance.refserver.publicapi;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionthreads.conformance.refserver.coordinator.Script;
import org.sessionthreads.conformance.refserver.coordinator.ScriptedCoordinator;
import org.sessionthreads.conformance.refserver.http.ApiException;
import org.sessionthreads.conformance.refserver.http.Json;
import org.sessionthreads.conformance.refserver.lifecycle.ResourceNotFoundException;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.Ids;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.store.Session;
import org.sessionthreads.conformance.refserver.store.SessionStore;
import tools.jackson.databind.JsonNode;

/**
 * The public creation API (api-digest §5), enough for a client to bring threads into existence without the fixture
 * hook: {@code POST /v1/agents} (201 agent), {@code POST /v1/sessions} (201 session, {@code idle}),
 * {@code POST /v1/sessions/{session_id}/events} with {@code user.message} events (200, the created events' ids in
 * {@code data}), and {@code POST /v1/sessions/{session_id}/archive} (200 session with {@code archived_at}; a second
 * archive is 409 {@code conflict_error}, as on the Forward pages). Behind the same authentication and error
 * envelope as the rest of the server.
 *
 * <p>What happens after a message is up to the {@link ScriptedCoordinator}: the text must contain a command of its
 * grammar ({@link Script#GRAMMAR}), or the message is refused with 400, since nothing would ever happen; a session
 * takes one scripted message (a second one is 409). Archiving a session ends it like the hook's {@code DELETE}: its
 * pending messages are cancelled, its streams end, its threads and events are no longer served (404). It works for
 * the hook's sessions too.
 */
public final class PublicApi {
    private static final String CONFLICT = "conflict_error";
    private static final int MAX_ROSTER = 20;

    private final SessionStore store;
    private final ThreadTransitions transitions;
    private final Ids ids;
    private final ScriptedCoordinator coordinator;
    private final Json json;
    private final Map<String, StoredAgent> agents = new ConcurrentHashMap<>();
    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> scripted = ConcurrentHashMap.newKeySet();

    public PublicApi(SessionStore store, ThreadTransitions transitions, Ids ids, ScriptedCoordinator coordinator,
                     Json json) {
        this.store = store;
        this.transitions = transitions;
        this.ids = ids;
        this.coordinator = coordinator;
        this.json = json;
    }

    /** {@code POST /v1/agents}: {@code name} (required), {@code model}, {@code system}, {@code tools}, {@code multiagent}. */
    public Handler createAgent() {
        return ctx -> {
            JsonNode body = Bodies.object(ctx.body());
            String name = Bodies.requiredText(body, "name");
            String model = model(body.get("model"));
            Agent fresh = transitions.newAgent(name, 1);
            StoredAgent agent = new StoredAgent(new Agent(fresh.id(), name, model, 1),
                    Bodies.optionalText(body, "system").orElse(null), body.get("tools"), roster(body), transitions.now());
            agents.put(fresh.id(), agent);
            json.respond(ctx, 201, agent.toWire());
        };
    }

    /** {@code POST /v1/sessions}: {@code agent} (id, or {@code {"id": …}}; required), {@code environment_id}, {@code title}, {@code metadata}. */
    public Handler createSession() {
        return ctx -> {
            JsonNode body = Bodies.object(ctx.body());
            StoredAgent agent = agentOf(body.get("agent"));
            JsonNode metadata = Bodies.optionalObject(body, "metadata");
            Session session = store.create();
            StoredSession stored = new StoredSession(session.id(), agent, Bodies.optionalText(body, "title").orElse(null),
                    metadata, Bodies.optionalText(body, "environment_id").orElse(null), transitions.now(), null);
            sessions.put(session.id(), stored);
            json.respond(ctx, 201, stored.toWire());
        };
    }

    /** {@code POST /v1/sessions/{session_id}/events} with {@code {"events": [{"type": "user.message", "content": [...]}]}}. */
    public Handler sendEvents() {
        return ctx -> {
            String sessionId = ctx.pathParam("session_id");
            StoredSession stored = sessions.get(sessionId);
            Session session = store.find(sessionId).orElse(null);
            if (stored != null && stored.archivedAt() != null) {
                throw new ApiException(409, CONFLICT, "Session '" + sessionId + "' is archived.", Map.of());
            }
            if (session == null) {
                throw ResourceNotFoundException.session(sessionId);
            }
            List<String> texts = userMessages(Bodies.object(ctx.body()));
            Script script = script(String.join("\n", texts));
            if (stored == null || !session.threads().isEmpty() || !scripted.add(sessionId)) {
                throw new ApiException(409, CONFLICT, "The coordinator of session '" + sessionId + "' has already "
                        + "acted; the scripted coordinator takes one message per session: create a new session.",
                        Map.of());
            }
            if (!stored.agent().canDelegate()) {
                scripted.remove(sessionId);
                throw ApiException.badRequest("Agent '" + stored.agent().snapshot().id() + "' has no multiagent "
                        + "roster, so its coordinator cannot delegate.");
            }
            List<Map<String, Object>> created = new ArrayList<>();
            for (String text : texts) {
                created.add(appendUserMessage(session, text));
            }
            coordinator.play(session, stored.agent().snapshot(), script);
            json.respond(ctx, 200, Map.of("data", created));
        };
    }

    /** {@code POST /v1/sessions/{session_id}/archive}. */
    public Handler archiveSession() {
        return ctx -> {
            String sessionId = ctx.pathParam("session_id");
            StoredSession stored = sessions.get(sessionId);
            Session live = store.find(sessionId).orElse(null);
            if (stored != null && stored.archivedAt() != null) {
                throw new ApiException(409, CONFLICT, "Session '" + sessionId + "' is already archived.", Map.of());
            }
            if (stored == null && live == null) {
                throw ResourceNotFoundException.session(sessionId);
            }
            StoredSession base = stored != null ? stored : new StoredSession(sessionId, null, null, null, null,
                    live.threads().isEmpty() ? transitions.now() : live.threads().get(0).createdAt(), null);
            StoredSession archived = base.archived(transitions.now());
            sessions.put(sessionId, archived);
            store.remove(sessionId);
            json.respond(ctx, 200, archived.toWire());
        };
    }

    private Map<String, Object> appendUserMessage(Session session, String text) {
        Instant at = transitions.now();
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        SessionEvent event = new SessionEvent(ids.next(IdPrefix.EVENT), EventType.USER_MESSAGE, session.id(), null,
                at, Map.of("content", List.of(block)));
        session.events().append(event);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", event.id());
        created.put("type", EventType.USER_MESSAGE.wireName());
        created.put("processed_at", at);
        return created;
    }

    private static Script script(String text) {
        try {
            return Script.parse(text).orElseThrow(() -> ApiException.badRequest("The reference server's scripted "
                    + "coordinator understands " + Script.GRAMMAR + "; the message contains none of them."));
        } catch (IllegalArgumentException tooSoon) {
            throw ApiException.badRequest(tooSoon.getMessage());
        }
    }

    /** The texts of the body's events, which must all be {@code user.message}s with text content. */
    private static List<String> userMessages(JsonNode body) {
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ApiException.badRequest("'events' is required and must be a non-empty array.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode event : events) {
            if (!event.isObject() || !"user.message".equals(event.path("type").asString(""))) {
                throw ApiException.badRequest("The reference server accepts only 'user.message' events.");
            }
            texts.add(text(event.get("content")));
        }
        return texts;
    }

    private static String text(JsonNode content) {
        if (content != null && content.isString()) {
            return content.asString();
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            throw ApiException.badRequest("A user.message needs 'content': text blocks [{\"type\":\"text\",\"text\":…}].");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (!"text".equals(block.path("type").asString("")) || !block.path("text").isString()) {
                throw ApiException.badRequest("Every content block must be {\"type\":\"text\",\"text\":\"…\"}.");
            }
            text.append(block.path("text").asString());
        }
        return text.toString();
    }

    private static String model(JsonNode model) {
        if (model == null || model.isNull()) {
            return "ultimate";
        }
        if (model.isString() && !model.asString().isBlank()) {
            return model.asString();
        }
        if (model.isObject() && model.path("id").isString()) {
            return model.path("id").asString();
        }
        throw ApiException.badRequest("'model' must be a model name or an object with an 'id'.");
    }

    /** The {@code multiagent.agents} entries: {@code {"type":"self"}}, {@code {"type":"agent","id":…}} or an id. */
    private List<JsonNode> roster(JsonNode body) {
        JsonNode multiagent = Bodies.optionalObject(body, "multiagent");
        if (multiagent == null) {
            return List.of();
        }
        JsonNode entries = multiagent.get("agents");
        if (!"coordinator".equals(multiagent.path("type").asString("")) || entries == null || !entries.isArray()
                || entries.isEmpty() || entries.size() > MAX_ROSTER) {
            throw ApiException.badRequest("'multiagent' must be {\"type\":\"coordinator\",\"agents\":[…]} with 1 to "
                    + MAX_ROSTER + " agents.");
        }
        Set<String> seen = new HashSet<>();
        List<JsonNode> roster = new ArrayList<>();
        for (JsonNode entry : entries) {
            String key = rosterKey(entry);
            if (!seen.add(key)) {
                throw ApiException.badRequest("'multiagent.agents' lists " + key + " twice.");
            }
            roster.add(entry);
        }
        return roster;
    }

    private String rosterKey(JsonNode entry) {
        if (entry.isObject() && "self".equals(entry.path("type").asString(""))) {
            return "self";
        }
        String id = entry.isString() ? entry.asString()
                : entry.isObject() && "agent".equals(entry.path("type").asString("")) ? entry.path("id").asString("")
                : "";
        if (!agents.containsKey(id)) {
            throw ApiException.badRequest("'multiagent.agents' entries must be {\"type\":\"self\"}, "
                    + "{\"type\":\"agent\",\"id\":…} or an agent id of this server; got " + entry + ".");
        }
        return id;
    }

    private StoredAgent agentOf(JsonNode agent) {
        String id = agent == null ? null : agent.isString() ? agent.asString()
                : agent.isObject() && agent.path("id").isString() ? agent.path("id").asString() : null;
        if (id == null) {
            throw ApiException.badRequest("'agent' is required: an agent id or {\"id\": …}.");
        }
        StoredAgent stored = agents.get(id);
        if (stored == null) {
            throw ApiException.badRequest("Agent '" + id + "' does not exist.");
        }
        return stored;
    }
}
