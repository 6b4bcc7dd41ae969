package org.sessionthreads.conformance.refserver.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.model.SessionThread;

/**
 * The wire shapes of the thread and event objects, field by field in the order the contract lists them. Timestamps
 * are left as {@link java.time.Instant}s; {@link Json} writes them.
 */
public final class WireFormat {
    private WireFormat() {
    }

    public static Map<String, Object> thread(SessionThread thread) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", thread.id());
        json.put("type", "session_thread");
        json.put("session_id", thread.sessionId());
        json.put("parent_thread_id", thread.parentThreadId());
        json.put("agent", agent(thread.agent()));
        json.put("agent_id", thread.agent().id());
        json.put("agent_version", thread.agent().version());
        json.put("name", thread.name());
        json.put("role", thread.role().wireName());
        json.put("status", thread.status().wireName());
        json.put("stop_reason", thread.stopReason() == null ? null : thread.stopReason().toWire());
        json.put("created_by_tool_use_id", thread.createdByToolUseId());
        json.put("archived_at", thread.archivedAt());
        json.put("created_at", thread.createdAt());
        json.put("updated_at", thread.updatedAt());
        return json;
    }

    public static Map<String, Object> event(SessionEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type().wireName());
        json.put("session_id", event.sessionId());
        json.put("session_thread_id", event.sessionThreadId());
        json.putAll(event.fields());
        json.put("processed_at", event.at());
        json.put("created_at", event.at());
        return json;
    }

    private static Map<String, Object> agent(Agent agent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agent.id());
        json.put("type", "agent");
        json.put("name", agent.name());
        json.put("model", agent.model());
        json.put("version", agent.version());
        return json;
    }
}
