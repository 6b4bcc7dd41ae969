package org.sessionthreads.conformance.selftest.independent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Sessions, their threads, events and mailboxes, the fixture hook's kinds and the archive operation. */
final class SessionStore {
    /** An answer: HTTP status and JSON body. */
    record Answer(int status, ObjectNode body) {
    }

    static final class Session {
        final String id;
        final Map<String, SessionThread> threads = new LinkedHashMap<>();
        final List<ObjectNode> events = new ArrayList<>();
        final Map<String, Integer> eventIndex = new HashMap<>();
        final List<Pending> mailbox = new ArrayList<>();
        boolean deleted;

        Session(String id) {
            this.id = id;
        }
    }

    static final class SessionThread {
        String id;
        String role;
        String parentId;
        String name;
        String toolUseId;
        String status;
        String stopReason;
        String waitingOn;
        Instant archivedAt;
        Instant createdAt;
        Instant updatedAt;
    }

    static final class Pending {
        final String threadId;
        String deadLetterTo;
        ScheduledFuture<?> future;
        boolean cancelled;

        Pending(String threadId) {
            this.threadId = threadId;
        }
    }

    static final Set<String> KINDS = Set.of("idle_child", "running_child", "waiting_coordinator",
            "child_with_pending_message");
    private static final String AGENT_ID = "agent_019f000000000000000000000000002b";

    private final Behaviour behaviour;
    private final Wire wire;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> threadOwners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);

    SessionStore(Behaviour behaviour, Wire wire) {
        this.behaviour = behaviour;
        this.wire = wire;
    }

    void close() {
        timers.shutdownNow();
        sessions.values().forEach(s -> {
            synchronized (s) {
                s.deleted = true;
                s.notifyAll();
            }
        });
    }

    Session session(String id) {
        Session s = id == null ? null : sessions.get(id);
        return s == null || s.deleted ? null : s;
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    Answer fixture(String kind, long windowMs) {
        if (!KINDS.contains(kind)) {
            return new Answer(400, wire.error("invalid_request_error", "Unknown fixture kind: " + kind, "invalid_kind"));
        }
        if (behaviour.is(Behaviour.SLOW_ASYNC_EFFECTS)) {
            pause(500);
        }
        Session s = new Session(wire.id("sess_"));
        ObjectNode answer = wire.object();
        synchronized (s) {
            SessionThread coord = thread(s, "coordinator", null, "", null, "running", null);
            ObjectNode message = event(s, "user.message", null);
            message.putArray("content").addObject().put("type", "text").put("text", "Conformance fixture " + kind);
            append(s, message);
            statusEvent(s, coord, "session.thread_status_running");
            String toolUse = wire.id("toolu_");
            ObjectNode use = event(s, "agent.tool_use", coord.id);
            use.put("tool_use_id", toolUse).put("name", "Agent");
            use.putObject("input").put("description", "research");
            append(s, use);
            SessionThread child = thread(s, "child", coord.id, "Research Agent", toolUse, "running", null);
            ObjectNode created = event(s, "session.thread_created", child.id);
            created.put("parent_thread_id", coord.id).put("role", "child").put("agent_id", AGENT_ID)
                    .put("agent_version", 2).put("agent_name", child.name).put("created_by_tool_use_id", toolUse);
            append(s, created);
            statusEvent(s, child, "session.thread_status_running");
            append(s, message(s, coord, child, "Research the topic."));
            if (!kind.equals("running_child")) {
                setStatus(child, "idle", "end_turn");
                statusEvent(s, child, "session.thread_status_idle");
            }
            if (kind.equals("waiting_coordinator")) {
                coord.status = behaviour.is(Behaviour.WAITING_COORDINATOR_RUNNING) ? "running" : "blocked";
                coord.waitingOn = toolUse;
                answer.put("tool_use_id", toolUse);
            } else {
                String text = kind.equals("running_child") ? "Started thread " + child.id : "Research done.";
                append(s, toolResult(s, coord, toolUse, text, false));
                setStatus(coord, "idle", "end_turn");
                statusEvent(s, coord, "session.thread_status_idle");
            }
            if (kind.equals("child_with_pending_message")) {
                long usual = behaviour.is(Behaviour.SLOW_ASYNC_EFFECTS) ? 1500 : 1000;
                long delay = Math.max(usual, windowMs);
                Pending p = new Pending(child.id);
                s.mailbox.add(p);
                p.future = timers.schedule(() -> deliver(s, p), delay, TimeUnit.MILLISECONDS);
                answer.put("deliver_after_ms", delay);
            }
            answer.put("kind", kind).put("session_id", s.id).put("coordinator_thread_id", coord.id)
                    .put("thread_id", child.id);
            answer.put("last_event_id", s.events.get(s.events.size() - 1).get("id").asString());
            sessions.put(s.id, s);
        }
        return new Answer(201, answer);
    }

    void delete(String sessionId) {
        Session s = sessions.remove(sessionId);
        if (s != null) {
            synchronized (s) {
                s.deleted = true;
                s.mailbox.forEach(p -> p.future.cancel(false));
                s.notifyAll();
            }
        }
    }

    private SessionThread thread(Session s, String role, String parent, String name, String toolUse, String status,
            String stop) {
        SessionThread t = new SessionThread();
        t.id = wire.id("sthr_");
        t.role = role;
        t.parentId = parent;
        t.name = name;
        t.toolUseId = toolUse;
        t.status = status;
        t.stopReason = stop;
        t.createdAt = Instant.now();
        t.updatedAt = t.createdAt;
        s.threads.put(t.id, t);
        threadOwners.put(t.id, s.id);
        return t;
    }

    private void deliver(Session s, Pending p) {
        synchronized (s) {
            if (p.cancelled || s.deleted) {
                return;
            }
            s.mailbox.remove(p);
            SessionThread addressee = s.threads.get(p.threadId);
            SessionThread sender = p.deadLetterTo != null ? addressee : s.threads.get(addressee.parentId);
            SessionThread t = s.threads.get(p.deadLetterTo != null ? p.deadLetterTo : p.threadId);
            append(s, message(s, sender, t, "One more thing."));
            setStatus(t, "running", null);
            statusEvent(s, t, "session.thread_status_running");
        }
        later(s, 3000, () -> {
            SessionThread t = s.threads.get(p.deadLetterTo != null ? p.deadLetterTo : p.threadId);
            if ("running".equals(t.status)) {
                setStatus(t, "idle", "end_turn");
                statusEvent(s, t, "session.thread_status_idle");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------- archive

    Answer archive(String sessionId, String threadId) {
        Session s = session(sessionId);
        if (s == null) {
            return new Answer(404, wire.error("not_found_error", "Session '" + sessionId + "' was not found.",
                    "session_not_found"));
        }
        boolean idleBeforeLock = false;
        if (behaviour.is(Behaviour.RACE_EVENT_FROM_STALE_READ)) {
            synchronized (s) {
                SessionThread t = s.threads.get(threadId);
                idleBeforeLock = t != null && "idle".equals(t.status);
            }
            pause(40);
        }
        synchronized (s) {
            SessionThread t = s.threads.get(threadId);
            if (t == null) {
                if (behaviour.is(Behaviour.FOREIGN_THREAD_403) && threadOwners.containsKey(threadId)) {
                    return new Answer(403, wire.error("permission_error",
                            "You do not have access to session thread '" + threadId + "'.", "forbidden"));
                }
                return threadNotFound(threadId);
            }
            boolean archived = "archived".equals(t.status);
            if (archived && behaviour.is(Behaviour.REARCHIVE_404)) {
                return threadNotFound(threadId);
            }
            if ("coordinator".equals(t.role)) {
                if (behaviour.is(Behaviour.COORD_REJECT_TOUCHES_CHILDREN)) {
                    s.threads.values().stream().filter(c -> "child".equals(c.role))
                            .forEach(c -> c.updatedAt = Instant.now());
                }
                return new Answer(409, wire.error("invalid_request_error", "Coordinator threads cannot be archived.",
                        "coordinator_thread_not_archivable"));
            }
            if (archived) {
                if (idleBeforeLock) {
                    append(s, terminated(s, t));
                }
                if (behaviour.is(Behaviour.REARCHIVE_409)) {
                    return notIdle(t);
                }
                return new Answer(200, threadJson(t, false));
            }
            boolean archivable = behaviour.is(Behaviour.IDLE_MEANS_EMPTY_MAILBOX)
                    ? s.mailbox.stream().noneMatch(p -> p.threadId.equals(t.id))
                    : "idle".equals(t.status);
            if (!archivable) {
                return notIdle(t);
            }
            ObjectNode before = threadJson(t, false);
            transition(s, t);
            if (behaviour.is(Behaviour.ANSWER_STOP_REASON_STALE)) {
                before.put("status", t.status).put("archived_at", wire.time(t.archivedAt));
                return new Answer(200, before);
            }
            return new Answer(200, threadJson(t, false));
        }
    }

    /** The archive of a request refused with 401, run later by the queue it was put on before authentication. */
    void archiveQueuedBeforeAuthentication(String sessionId, String threadId) {
        timers.schedule(() -> archive(sessionId, threadId), 150, TimeUnit.MILLISECONDS);
    }

    private Answer threadNotFound(String threadId) {
        return new Answer(404, wire.error("not_found_error", "Session thread '" + threadId + "' was not found.",
                "thread_not_found"));
    }

    private Answer notIdle(SessionThread t) {
        return new Answer(409, wire.error("invalid_request_error",
                "Thread status is " + t.status + ", not idle, and cannot be archived.", "thread_not_idle"));
    }

    private void transition(Session s, SessionThread t) {
        Instant now = Instant.now();
        t.status = "archived";
        t.stopReason = "archive";
        t.archivedAt = now;
        t.updatedAt = now;
        String mailboxKey = behaviour.is(Behaviour.MAILBOX_CANCEL_WRONG_KEY) ? t.parentId : t.id;
        for (Pending p : List.copyOf(s.mailbox)) {
            if (p.threadId.equals(t.id) && behaviour.is(Behaviour.MAILBOX_BOUNCED_TO_PARENT)) {
                p.deadLetterTo = t.parentId;
            } else if (p.threadId.equals(mailboxKey)) {
                p.cancelled = true;
                p.future.cancel(false);
                s.mailbox.remove(p);
            }
        }
        SessionThread coord = s.threads.get(t.parentId);
        if (behaviour.is(Behaviour.COORDINATOR_STOP_REASON_TOUCHED)) {
            coord.stopReason = "archive";
        }
        boolean waiting = t.toolUseId != null && t.toolUseId.equals(coord.waitingOn);
        Runnable event = () -> {
            append(s, terminated(s, t));
            if (behaviour.is(Behaviour.TERMINATED_CROSS_POSTED_TWICE)) {
                ObjectNode copy = terminated(s, t);
                copy.put("cross_posted_to", coord.id);
                append(s, copy);
            }
        };
        Runnable unblock = () -> {
            coord.waitingOn = null;
            String toolUse = behaviour.is(Behaviour.CANCEL_RESULT_WRONG_TOOL_USE_ID) ? t.id : t.toolUseId;
            append(s, toolResult(s, coord, toolUse, "Agent cancelled.", true));
            setStatus(coord, "running", null);
            statusEvent(s, coord, "session.thread_status_running");
            later(s, 800, () -> {
                if ("running".equals(coord.status)) {
                    setStatus(coord, "idle", "end_turn");
                    statusEvent(s, coord, "session.thread_status_idle");
                }
            });
        };
        if (behaviour.is(Behaviour.SLOW_ASYNC_EFFECTS)) {
            later(s, 1500, event);
            if (waiting) {
                later(s, 2500, unblock);
            }
        } else {
            event.run();
            if (waiting) {
                unblock.run();
            }
        }
        if (behaviour.is(Behaviour.ARCHIVE_TOUCHES_SHARED_AGENT_ROWS)) {
            timers.execute(() -> touchThreadsOfAgent(t.id));
        }
        if (behaviour.is(Behaviour.RUNTIME_OVERWRITES_ARCHIVED)) {
            later(s, 4000, () -> {
                t.status = "terminated";
                t.updatedAt = Instant.now();
            });
        }
    }

    /** Every thread shares one agent snapshot here, so the bulk update keyed by agent id touches them all. */
    private void touchThreadsOfAgent(String archivedId) {
        for (Session other : sessions.values()) {
            synchronized (other) {
                other.threads.values().stream().filter(x -> !x.id.equals(archivedId))
                        .forEach(x -> x.updatedAt = Instant.now());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- views

    ObjectNode threadJson(SessionThread t, boolean inList) {
        ObjectNode o = wire.object();
        o.put("id", t.id).put("type", "session_thread").put("session_id", threadOwners.get(t.id));
        o.put("parent_thread_id", t.parentId);
        ObjectNode agent = o.putObject("agent");
        agent.put("id", AGENT_ID).put("type", "agent").put("name", t.name.isEmpty() ? "Coordinator" : t.name);
        if (wire.extraFields()) {
            agent.putObject("model").put("id", "ultimate").put("effective_context_window", 200000);
            agent.put("description", "").put("system", "You are an expert software engineer.");
            agent.putArray("tools").addObject().put("type", "agent_toolset_20260401").putArray("enabled_tools")
                    .add("Bash").add("Read");
            agent.putArray("skills");
            agent.putArray("mcp_servers");
        } else {
            agent.put("model", "ultimate");
        }
        agent.put("version", 2);
        o.put("agent_id", AGENT_ID).put("agent_version", 2).put("name", t.name).put("role", t.role);
        o.put("status", t.status);
        o.set("stop_reason", wire.stopReason(t.stopReason));
        o.put("created_by_tool_use_id", t.toolUseId);
        boolean dropArchivedAt = inList && behaviour.is(Behaviour.LIST_DROPS_ARCHIVED_AT);
        o.put("archived_at", dropArchivedAt ? null : wire.time(t.archivedAt));
        o.put("created_at", wire.time(t.createdAt)).put("updated_at", wire.time(t.updatedAt));
        if (wire.extraFields()) {
            o.putNull("stats");
            o.putNull("usage");
            o.putObject("metadata").put("region", "eu-1");
        }
        return o;
    }

    // ---------------------------------------------------------------------------------------------- events

    private ObjectNode event(Session s, String type, String threadId) {
        ObjectNode e = wire.object();
        e.put("id", wire.id("evt_")).put("type", type).put("session_id", s.id);
        if (threadId != null) {
            e.put("session_thread_id", threadId);
        }
        String now = wire.time(Instant.now());
        e.put("created_at", now).put("processed_at", now);
        if (wire.extraFields()) {
            e.put("schema_version", "1.0").put("turn_id", wire.id("turn_"));
        }
        return e;
    }

    private ObjectNode terminated(Session s, SessionThread t) {
        ObjectNode e = event(s, "session.thread_status_terminated", t.id);
        e.put("status", behaviour.is(Behaviour.WAITING_COORDINATOR_RUNNING) ? "terminated" : "archived");
        e.set("stop_reason", wire.stopReason("archive"));
        e.put("agent_name", t.name);
        return e;
    }

    private ObjectNode toolResult(Session s, SessionThread coord, String toolUse, String text, boolean error) {
        ObjectNode e = event(s, "agent.tool_result", coord.id);
        e.put("tool_use_id", toolUse);
        if (behaviour.is(Behaviour.WAITING_COORDINATOR_RUNNING)) {
            e.put("content", text);
        } else {
            ArrayNode content = e.putArray("content");
            content.addObject().put("type", "text").put("text", text);
        }
        e.put("is_error", error && behaviour.is(Behaviour.WAITING_COORDINATOR_RUNNING));
        return e;
    }

    private ObjectNode message(Session s, SessionThread from, SessionThread to, String text) {
        ObjectNode e = event(s, "agent.thread_message_received", to.id);
        e.put("direction", "coordinator_to_child").put("content", text).put("is_error", false)
                .put("from_session_thread_id", from.id).put("to_session_thread_id", to.id);
        return e;
    }

    private void statusEvent(Session s, SessionThread t, String type) {
        ObjectNode e = event(s, type, t.id);
        e.put("status", t.status).put("agent_name", t.name);
        if (type.endsWith("_idle")) {
            e.set("stop_reason", wire.stopReason(t.stopReason));
        }
        append(s, e);
    }

    private static void setStatus(SessionThread t, String status, String stop) {
        t.status = status;
        t.stopReason = stop;
        t.updatedAt = Instant.now();
    }

    private static void append(Session s, ObjectNode e) {
        s.eventIndex.put(e.get("id").asString(), s.events.size());
        s.events.add(e);
        s.notifyAll();
    }

    private void later(Session s, long millis, Runnable action) {
        timers.schedule(() -> {
            synchronized (s) {
                if (!s.deleted) {
                    action.run();
                }
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The time a behaviour's server spends on a request before it goes on (SLOW_ASYNC_EFFECTS' late answers and slow
     * fixtures, RACE_EVENT_FROM_STALE_READ's gap between its read and its lock), spent on the handler thread as a slow
     * server spends it: requests run on a cached pool, so a pause holds up only its own request. It never waits for
     * a condition; the suite's own waits are Awaitility's.
     */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
