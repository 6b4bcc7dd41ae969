package org.sessionthreads.conformance.client;

import tools.jackson.databind.JsonNode;

/**
 * Read-only view of a Session Thread object as the target sent it. Accessors return null for absent fields, so
 * assertions can say what was missing instead of throwing.
 */
public final class SessionThread {
    private final JsonNode json;

    SessionThread(JsonNode json) {
        this.json = json;
    }

    public String id() {
        return JsonBody.text(json, "id");
    }

    public String sessionId() {
        return JsonBody.text(json, "session_id");
    }

    public String role() {
        return JsonBody.text(json, "role");
    }

    /**
     * Whether this is the coordinator: {@code role} says so, or (the CAS export has no role) it has no parent
     * ({@code parent_thread_id} null or absent: api-digest §2a).
     */
    public boolean isCoordinator() {
        String role = role();
        return role != null ? role.equals("coordinator")
                : json.path("parent_thread_id").isNull() || json.path("parent_thread_id").isMissingNode();
    }

    public String status() {
        return JsonBody.text(json, "status");
    }

    /** {@code stop_reason.type}, or null when stop_reason is null, absent or has no type. */
    public String stopReasonType() {
        return JsonBody.text(json, "stop_reason", "type");
    }

    /** {@code stop_reason} as JSON text ("null" when null, "absent" when missing), for messages and comparisons. */
    public String stopReason() {
        JsonNode node = json.path("stop_reason");
        return node.isMissingNode() ? "absent" : node.toString();
    }

    public String archivedAt() {
        return JsonBody.text(json, "archived_at");
    }

    public String createdAt() {
        return JsonBody.text(json, "created_at");
    }

    public String updatedAt() {
        return JsonBody.text(json, "updated_at");
    }

    public String createdByToolUseId() {
        return JsonBody.text(json, "created_by_tool_use_id");
    }

    public JsonNode json() {
        return json;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
