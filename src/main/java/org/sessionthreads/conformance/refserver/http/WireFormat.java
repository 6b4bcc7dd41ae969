package org.sessionthreads.conformance.refserver.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;

/**
 * The wire shapes of the thread and event objects, field by field in the order the contract lists them. Timestamps
 * are left as {@link java.time.Instant}s; {@link Json} writes them.
 */
public final class WireFormat {
    private WireFormat() {
    }

    /**
     * The thread as the server's dialect shows it ({@link ServerDialect}); the dialect faults of the thread's shape
     * ({@link Fault#FORWARD_THREAD_WITHOUT_TEMPLATE_ID}, {@link Fault#CAS_ARCHIVED_AT_EMPTY},
     * {@link Fault#CAS_STATUS_ARCHIVED}, {@link Fault#CAS_ARCHIVED_AT_IS_READ_TIME}) live here.
     */
    public static Map<String, Object> thread(SessionThread thread, ServerOptions options) {
        return switch (options.dialect()) {
            case ARCHIVE_PAGE -> thread(thread);
            case CAS -> casThread(thread, options);
            case FORWARD -> forwardThread(thread, options);
        };
    }

    /**
     * The CAS export's Anthropic-like thread (api-digest §1b): no role, name, stop_reason, agent_id, agent_version
     * or created_by_tool_use_id; archived is {@code terminated} with {@code archived_at}; a full agent snapshot.
     */
    private static Map<String, Object> casThread(SessionThread thread, ServerOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", thread.id());
        json.put("type", "session_thread");
        json.put("session_id", thread.sessionId());
        json.put("parent_thread_id", thread.parentThreadId());
        json.put("agent", casAgent(thread.agent()));
        boolean archived = thread.status() == ThreadStatus.ARCHIVED;
        json.put("status", archived && !options.has(Fault.CAS_STATUS_ARCHIVED) ? "terminated"
                : thread.status().wireName());
        json.put("stats", null);
        json.put("archived_at", archived && options.has(Fault.CAS_ARCHIVED_AT_EMPTY) ? ""
                : archived && options.has(Fault.CAS_ARCHIVED_AT_IS_READ_TIME) ? java.time.Instant.now()
                : thread.archivedAt());
        json.put("created_at", thread.createdAt());
        json.put("updated_at", thread.updatedAt());
        return json;
    }

    /** The CAS export's full agent snapshot: {@code model} as an object, tools, skills, mcp_servers. */
    private static Map<String, Object> casAgent(Agent agent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", agent.id());
        json.put("type", "agent");
        json.put("version", agent.version());
        json.put("name", agent.name());
        json.put("description", "");
        json.put("model", Map.of("id", agent.model(), "effective_context_window", 200_000));
        json.put("system", "You are an expert software engineer.");
        json.put("tools", List.of(Map.of("type", "agent_toolset_20260401",
                "enabled_tools", List.of("Bash", "Read", "Write", "Edit", "Glob", "Grep"))));
        json.put("skills", List.of());
        json.put("mcp_servers", List.of());
        return json;
    }

    /**
     * The Forward thread (api-digest §1c, Go SDK): {@code template_id} instead of an agent snapshot, no agent_id or
     * agent_version, {@code archived_at} omitted until archived.
     */
    private static Map<String, Object> forwardThread(SessionThread thread, ServerOptions options) {
        Map<String, Object> json = thread(thread);
        json.remove("agent");
        json.remove("agent_id");
        json.remove("agent_version");
        Map<String, Object> shaped = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            shaped.put(key, value);
            if (key.equals("parent_thread_id") && !options.has(Fault.FORWARD_THREAD_WITHOUT_TEMPLATE_ID)) {
                shaped.put("template_id", "tmpl_" + thread.agent().id().substring("agent_".length()));
            }
        });
        if (thread.archivedAt() == null) {
            shaped.remove("archived_at");
        }
        return shaped;
    }

    /** The archive page's thread (the default dialect). */
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
