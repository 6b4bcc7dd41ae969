package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;

/** Builds the events of the wire contract, one method per event type, with the type-specific fields in order. */
final class Events {
    private Events() {
    }

    static SessionEvent threadCreated(SessionThread thread, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("parent_thread_id", thread.parentThreadId());
        fields.put("agent_id", thread.agent().id());
        fields.put("agent_version", thread.agent().version());
        fields.put("agent_name", thread.agent().name());
        fields.put("role", thread.role().wireName());
        fields.put("created_by_tool_use_id", thread.createdByToolUseId());
        return SessionEvent.about(thread, EventType.THREAD_CREATED, at, fields);
    }

    static SessionEvent running(SessionThread thread, Instant at) {
        return status(thread, EventType.THREAD_STATUS_RUNNING, ThreadStatus.RUNNING, null, at);
    }

    static SessionEvent idle(SessionThread thread, Instant at) {
        return status(thread, EventType.THREAD_STATUS_IDLE, ThreadStatus.IDLE, StopReason.END_TURN, at);
    }

    static SessionEvent terminated(SessionThread thread, StopReason reason, Instant at) {
        return status(thread, EventType.THREAD_STATUS_TERMINATED, ThreadStatus.ARCHIVED, reason, at);
    }

    static SessionEvent toolUse(SessionThread coordinator, String toolUseId, String description, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool_use_id", toolUseId);
        fields.put("name", "Agent");
        fields.put("input", Map.of("description", description));
        return SessionEvent.about(coordinator, EventType.TOOL_USE, at, fields);
    }

    static SessionEvent toolResult(SessionThread coordinator, String toolUseId, String text, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool_use_id", toolUseId);
        fields.put("content", text(text));
        fields.put("is_error", false);
        return SessionEvent.about(coordinator, EventType.TOOL_RESULT, at, fields);
    }

    /** {@code agent.thread_message_sent} on {@code on} = the sender, {@code …_received} on the recipient. */
    static SessionEvent message(EventType type, SessionThread on, String fromId, String toId, String text, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from_session_thread_id", fromId);
        fields.put("to_session_thread_id", toId);
        fields.put("content", text(text));
        return SessionEvent.about(on, type, at, fields);
    }

    private static SessionEvent status(
            SessionThread thread, EventType type, ThreadStatus status, StopReason reason, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agent_name", thread.agent().name());
        fields.put("status", status.wireName());
        if (reason != null) {
            fields.put("stop_reason", reason.toWire());
        }
        return SessionEvent.about(thread, type, at, fields);
    }

    private static List<Map<String, Object>> text(String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        return List.of(block);
    }
}
