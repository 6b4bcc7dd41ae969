package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadList;
import org.sessionthreads.conformance.client.ThreadsApi;

/**
 * The threads of one or more sessions as the list endpoint showed them before a request, so a scenario can say
 * afterwards, in one line, that its request touched nothing it did not name. Each take and each check is one
 * list read per session (all pages).
 *
 * <p>What counts as a change (the suite's reading):
 * <ul>
 *   <li>after a <b>rejected</b> request (401, 404, 409) nothing may change at all: status, stop_reason,
 *   archived_at and updated_at of every thread listed before;</li>
 *   <li>after an <b>accepted</b> archive the named thread changes, and its coordinator may change status,
 *   stop_reason and updated_at (the page: archive "unblocks the coordinator thread (if applicable)"); every other
 *   thread keeps status, stop_reason and archived_at, and no thread besides the named one may gain an archived_at.
 *   The threads of other sessions keep updated_at too: nothing on the page connects them to the archive. The
 *   updated_at of the archived child's own session is not compared: a target may touch the session's threads when
 *   it records the archive, and the page says nothing about it.</li>
 * </ul>
 * Threads that appear only after the request are not judged (an agent may spawn a child at any time).
 *
 * <pre>{@code
 * SessionSnapshot before = SessionSnapshot.of(threads, child.sessionId());
 * threads.archive(session.coordinator());                      // 409
 * before.assertNothingChanged(threads);                       // the coordinator and every child as they were
 * }</pre>
 */
public final class SessionSnapshot {
    /** At most this many list pages per session and read (20 × 100 threads). */
    static final int MAX_PAGES = 20;
    private final Map<String, Map<String, SessionThread>> sessions;

    private SessionSnapshot(Map<String, Map<String, SessionThread>> sessions) {
        this.sessions = sessions;
    }

    /** The threads of {@code sessionIds} now, through the list endpoint. */
    public static SessionSnapshot of(ThreadsApi threads, String... sessionIds) {
        Map<String, Map<String, SessionThread>> read = new LinkedHashMap<>();
        for (String sessionId : new java.util.LinkedHashSet<>(List.of(sessionIds))) {
            read.put(sessionId, byId(listed(threads, sessionId)));
        }
        return new SessionSnapshot(read);
    }

    /** After a rejected request: every thread listed before is exactly as it was, updated_at included. */
    public void assertNothingChanged(ThreadsApi threads) {
        compare(threads, Set.of(), true);
    }

    /**
     * After an accepted archive of {@code archivedThreadId}: no other thread of the snapshot's sessions changed
     * (see the class comment for what the coordinator may do).
     */
    public void assertOnlyArchived(ThreadsApi threads, String archivedThreadId) {
        compare(threads, Set.of(archivedThreadId), false);
    }

    private void compare(ThreadsApi threads, Set<String> named, boolean rejected) {
        List<String> changes = new ArrayList<>();
        String lastRead = "";
        for (Map.Entry<String, Map<String, SessionThread>> session : sessions.entrySet()) {
            ThreadList now = listed(threads, session.getKey());
            lastRead = now.last() == null ? "" : now.last().summary();
            for (SessionThread before : session.getValue().values()) {
                if (named.contains(before.id())) {
                    continue;
                }
                SessionThread after = now.find(before.id()).orElse(null);
                if (after == null) {
                    changes.add("thread " + before.id() + " of session " + session.getKey()
                            + " is no longer listed");
                    continue;
                }
                // why: unblocking is the one effect on another thread the page names, and only the coordinator
                // of the archived child's session can be unblocked
                boolean sameSession = named.stream().anyMatch(session.getValue()::containsKey);
                boolean mayResume = !rejected && before.isCoordinator() && sameSession;
                List<String> fields = new ArrayList<>();
                if (!mayResume) {
                    diff(fields, "status", before.status(), after.status());
                    diff(fields, "stop_reason", before.stopReason(), after.stopReason());
                }
                if (rejected || !sameSession) {
                    diff(fields, "updated_at", before.updatedAt(), after.updatedAt());
                }
                diff(fields, "archived_at", before.archivedAt(), after.archivedAt());
                if (!fields.isEmpty()) {
                    changes.add("thread " + before.id() + " (" + before.role() + ") of session "
                            + session.getKey() + ": " + String.join(", ", fields));
                }
            }
        }
        if (!changes.isEmpty()) {
            throw new AssertionError("Expecting the request to change " + (rejected ? "nothing"
                    : "no thread besides " + named) + " but " + String.join("; ", changes)
                    + (lastRead.isEmpty() ? "" : "\n  (read through " + lastRead + ")"));
        }
    }

    private static void diff(List<String> into, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            into.add(field + " " + before + " → " + after);
        }
    }

    private static ThreadList listed(ThreadsApi threads, String sessionId) {
        ThreadList list = threads.list(sessionId, MAX_PAGES);
        if (!list.complete()) {
            throw new AssertionError("Expecting the threads of session " + sessionId + " to be listed by GET"
                    + " /sessions/{session_id}/threads but " + list.problem().orElseThrow());
        }
        return list;
    }

    private static Map<String, SessionThread> byId(ThreadList list) {
        Map<String, SessionThread> threads = new LinkedHashMap<>();
        list.threads().forEach(thread -> threads.put(thread.id(), thread));
        return threads;
    }
}
