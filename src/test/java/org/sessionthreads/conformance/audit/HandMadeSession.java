package org.sessionthreads.conformance.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.audit.AuditedSession.NewestPage;
import org.sessionthreads.conformance.audit.AuditedSession.ReadThread;
import org.sessionthreads.conformance.audit.AuditedSession.Reread;
import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadRef;

/** Hand-made facts for the invariant judges: one session's threads, history and the run's archive answers. */
final class HandMadeSession {
    static final String SESSION = "sess_1";
    static final String ARCHIVED_AT = "2025-01-01T00:00:01Z";
    private final List<ReadThread> threads = new ArrayList<>();
    private final List<Event> history = new ArrayList<>();
    private final List<ArchiveJournal.Entry> journal = new ArrayList<>();
    private NewestPage newestFirst;

    static ThreadView archived(String id) {
        return new ThreadView(id, "child", "archived", "{\"type\":\"archive\"}", "archive", ARCHIVED_AT);
    }

    static ThreadView idle(String id) {
        return new ThreadView(id, "child", "idle", "null", null, null);
    }

    /** A thread GET and the list show alike. */
    HandMadeSession thread(ThreadView viaGet) {
        return read(new ReadThread(viaGet.id(), viaGet, "req_get_" + viaGet.id(), viaGet, Optional.empty()));
    }

    HandMadeSession read(ReadThread thread) {
        threads.add(thread);
        return this;
    }

    /** An event of {@code type} for {@code threadId}, processed at second {@code second}. */
    HandMadeSession event(String id, String type, String threadId, int second) {
        history.add(event(id, type, threadId, second, null));
        return this;
    }

    HandMadeSession toolResult(String id, String toolUseId, int second) {
        history.add(event(id, "agent.tool_result", "sthr_coord", second, toolUseId));
        return this;
    }

    HandMadeSession newestFirst(NewestPage page) {
        newestFirst = page;
        return this;
    }

    /** An archive request of {@code threadId} answered {@code status} (200: with {@link #ARCHIVED_AT}). */
    HandMadeSession archive(String threadId, int status, String requestId) {
        return archive(threadId, status, requestId, status == 200 ? ARCHIVED_AT : null);
    }

    /** An archive of {@code threadId} whose answer carried {@code archivedAt}. */
    HandMadeSession archive(String threadId, int status, String requestId, String archivedAt) {
        journal.add(new ArchiveJournal.Entry(new ThreadRef(SESSION, threadId), status, archivedAt,
                Instant.parse("2025-01-01T00:00:02Z"), requestId));
        return this;
    }

    AuditFacts facts() {
        return new AuditFacts(new AuditedSession(SESSION, threads, history, Optional.ofNullable(newestFirst)),
                journal);
    }

    static Event event(String id, String type, String threadId, int second, String toolUseId) {
        return Event.parse("{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"session_thread_id\":\"" + threadId
                + "\",\"processed_at\":\"2025-01-01T00:00:0" + second + "Z\""
                + (toolUseId == null ? "" : ",\"tool_use_id\":\"" + toolUseId + "\"") + "}");
    }

    static Reread reread(ThreadView viaGet, ThreadView viaList) {
        return new Reread(viaGet, viaList, "req_list_2");
    }
}
