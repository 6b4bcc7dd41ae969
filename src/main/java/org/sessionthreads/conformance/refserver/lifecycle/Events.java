package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.Ids;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;

/**
 * Builds the events of the wire contract, one method per event type, with the type-specific fields in order.
 * {@code Variation.TOOL_RESULT_CONTENT_AS_STRING} lives here: tool results then carry {@code content} as a plain
 * string (the older shape) instead of text blocks.
 */
final class Events {
    private final Ids ids;
    private final boolean contentAsString;

    Events(Ids ids, boolean contentAsString) {
        this.ids = ids;
        this.contentAsString = contentAsString;
    }

    SessionEvent threadCreated(SessionThread thread, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("parent_thread_id", thread.parentThreadId());
        fields.put("agent_id", thread.agent().id());
        fields.put("agent_version", thread.agent().version());
        fields.put("agent_name", thread.agent().name());
        fields.put("role", thread.role().wireName());
        fields.put("created_by_tool_use_id", thread.createdByToolUseId());
        return about(thread, EventType.THREAD_CREATED, at, fields);
    }

    SessionEvent running(SessionThread thread, Instant at) {
        return status(thread, EventType.THREAD_STATUS_RUNNING, ThreadStatus.RUNNING, null, at);
    }

    SessionEvent idle(SessionThread thread, Instant at) {
        return status(thread, EventType.THREAD_STATUS_IDLE, ThreadStatus.IDLE, StopReason.END_TURN, at);
    }

    SessionEvent terminated(SessionThread thread, StopReason reason, Instant at) {
        return status(thread, EventType.THREAD_STATUS_TERMINATED, ThreadStatus.ARCHIVED, reason, at);
    }

    SessionEvent toolUse(SessionThread coordinator, String toolUseId, String description, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool_use_id", toolUseId);
        fields.put("name", "Agent");
        fields.put("input", Map.of("description", description));
        return about(coordinator, EventType.TOOL_USE, at, fields);
    }

    SessionEvent toolResult(SessionThread coordinator, String toolUseId, String text, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tool_use_id", toolUseId);
        fields.put("content", contentAsString ? text : text(text));
        fields.put("is_error", false);
        return about(coordinator, EventType.TOOL_RESULT, at, fields);
    }

    /** {@code agent.thread_message_sent} on {@code on} = the sender, {@code …_received} on the recipient. */
    SessionEvent message(EventType type, SessionThread on, String fromId, String toId, String text, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from_session_thread_id", fromId);
        fields.put("to_session_thread_id", toId);
        fields.put("content", text(text));
        return about(on, type, at, fields);
    }

    private SessionEvent status(
            SessionThread thread, EventType type, ThreadStatus status, StopReason reason, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("agent_name", thread.agent().name());
        fields.put("status", status.wireName());
        if (reason != null) {
            fields.put("stop_reason", reason.toWire());
        }
        return about(thread, type, at, fields);
    }

    /** {@code agent.message}: output of {@code thread} that concerns nobody else. */
    SessionEvent agentMessage(SessionThread thread, String text, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("content", text(text));
        return about(thread, EventType.AGENT_MESSAGE, at, fields);
    }

    private SessionEvent about(SessionThread thread, EventType type, Instant at, Map<String, Object> fields) {
        return SessionEvent.about(ids.next(IdPrefix.EVENT), thread, type, at, fields);
    }

    private static List<Map<String, Object>> text(String text) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        return List.of(block);
    }
}
