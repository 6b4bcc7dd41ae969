package org.sessionthreads.conformance.refserver.publicapi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionthreads.conformance.refserver.model.Agent;
import tools.jackson.databind.JsonNode;

/**
 * An agent created through {@code POST /v1/agents}.
 *
 * @param snapshot   what threads running it carry ({@code id}, {@code name}, {@code model}, {@code version})
 * @param tools      as given (null when absent)
 * @param roster     the {@code multiagent.agents} entries as given; empty for an agent that cannot delegate
 */
record StoredAgent(Agent snapshot, String system, JsonNode tools, List<JsonNode> roster, Instant createdAt) {

    boolean canDelegate() {
        return !roster.isEmpty();
    }

    Map<String, Object> toWire() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", snapshot.id());
        json.put("type", "agent");
        json.put("name", snapshot.name());
        json.put("model", snapshot.model());
        json.put("system", system);
        json.put("tools", tools);
        Map<String, Object> multiagent = new LinkedHashMap<>();
        multiagent.put("type", "coordinator");
        multiagent.put("agents", roster);
        json.put("multiagent", roster.isEmpty() ? null : multiagent);
        json.put("version", snapshot.version());
        json.put("created_at", createdAt);
        json.put("updated_at", createdAt);
        json.put("archived_at", null);
        return json;
    }
}
