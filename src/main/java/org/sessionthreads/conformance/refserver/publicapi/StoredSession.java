package org.sessionthreads.conformance.refserver.publicapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The session-level fields of a session created through {@code POST /v1/sessions} (its threads and events live in
 * the store like every other session's). Immutable; archiving makes a new value.
 *
 * @param agent      null for a session the fixture hook created (it has no public agent)
 * @param metadata   as given (null when absent)
 * @param archivedAt null until archived
 */
record StoredSession(String id, StoredAgent agent, String title, JsonNode metadata, String environmentId,
                     Instant createdAt, Instant archivedAt) {

    StoredSession archived(Instant at) {
        return new StoredSession(id, agent, title, metadata, environmentId, createdAt, at);
    }

    Map<String, Object> toWire() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("type", "session");
        json.put("status", archivedAt == null ? "idle" : "archived");
        json.put("title", title);
        json.put("metadata", metadata == null ? Map.of() : metadata);
        Map<String, Object> agentRef = new LinkedHashMap<>();
        if (agent != null) {
            agentRef.put("id", agent.snapshot().id());
            agentRef.put("type", "agent");
            agentRef.put("version", agent.snapshot().version());
        }
        json.put("agent", agent == null ? null : agentRef);
        json.put("environment_id", environmentId);
        json.put("created_at", createdAt);
        json.put("updated_at", archivedAt == null ? createdAt : archivedAt);
        json.put("archived_at", archivedAt);
        return json;
    }
}
