package org.sessionthreads.conformance.explore.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.ArchiveAttempt;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * The rules of the waiting coordinator: an accepted archive of the child it waits on gives it one "Agent cancelled."
 * tool result for the fixture's tool use id (UNB-001), after which it runs again (UNB-002); a refused archive or
 * another thread's archive gives neither. For every fixture: no tool call gets a second result (the audit's
 * OneResultPerToolCall, UNB-001).
 */
final class CoordinatorRules {
    static final String AGENT_CANCELLED = "Agent cancelled.";

    private CoordinatorRules() {
    }

    /** @param history the session's tool results from its start where a view reads them (else the log's) */
    static void judge(Judging j, List<Seen> history) {
        oneResultPerCall(j, history);
        if (j.model().kind() != FixtureKind.WAITING_COORDINATOR || j.model().facts().fixture().toolUseId() == null) {
            return;
        }
        String toolUseId = j.model().facts().fixture().toolUseId();
        String coordinator = j.model().coordinator();
        List<Seen> results = j.log().events().stream().filter(e -> isResultFor(e, toolUseId)).toList();
        Optional<ArchiveAttempt> archived = j.model().awaitedChildArchived();
        if (archived.isEmpty()) {
            if (!j.model().undecided(j.model().child())) {
                unblockedWithoutArchive(j, coordinator, toolUseId, results);
            }
            return;
        }
        if (results.isEmpty()) {
            if (j.past(archived.get(), j.timeouts().event()) && j.log().complete()) {
                j.report("UNB-001", "coordinator.agent_cancelled", "an \"Agent cancelled.\" tool result for "
                        + toolUseId + " within timeouts.event", j.where(coordinator) + ": no tool result for "
                        + toolUseId + " listed " + Judging.millisAfter(archived.get(), j.log().endSeenNanos())
                        + " ms after the archive of " + j.model().child() + " was answered");
            }
            return;
        }
        Seen result = results.get(0);
        if (!coordinator.equals(result.thread()) || !result.event().text().contains(AGENT_CANCELLED)) {
            j.report("UNB-001", "coordinator.agent_cancelled", "a tool result on the coordinator " + coordinator
                    + " whose text contains \"Agent cancelled.\"", result.brief() + " with text \""
                    + result.event().text() + "\"");
        }
        resumed(j, coordinator, archived.get(), result);
    }

    private static void resumed(Judging j, String coordinator, ArchiveAttempt archived, Seen result) {
        List<Seen> events = j.log().events();
        boolean runs = events.subList(j.log().positionOf(result.id()) + 1, events.size()).stream()
                .anyMatch(e -> e.is(EventMatcher.THREAD_STATUS_RUNNING, coordinator));
        if (!runs && j.past(archived, j.timeouts().event()) && j.log().complete()) {
            j.report("UNB-002", "coordinator.resumes", "the coordinator runs again after its \"Agent cancelled.\""
                    + " result", j.where(coordinator) + ": no " + EventMatcher.THREAD_STATUS_RUNNING + " after "
                    + result.brief() + " " + Judging.millisAfter(archived, j.log().endSeenNanos())
                    + " ms after the archive answer");
        }
    }

    private static void unblockedWithoutArchive(Judging j, String coordinator, String toolUseId, List<Seen> results) {
        if (!results.isEmpty()) {
            j.report("UNB-001", "coordinator.agent_cancelled.only_for_archive", "no tool result for " + toolUseId
                    + " while the child it waits on is not archived", j.where(coordinator) + ": "
                    + Judging.briefs(results) + " although no request archived " + j.model().child());
        }
        List<Seen> running = j.of(EventMatcher.THREAD_STATUS_RUNNING, coordinator);
        if (!running.isEmpty()) {
            j.report("UNB-002", "coordinator.resumes.only_for_archive", "the waiting coordinator stays blocked while"
                    + " the child it waits on is not archived", j.where(coordinator) + ": " + Judging.briefs(running)
                    + " although no request archived " + j.model().child());
        }
    }

    private static void oneResultPerCall(Judging j, List<Seen> history) {
        Map<String, List<Seen>> byCall = new LinkedHashMap<>();
        for (Seen event : history) {
            if (EventMatcher.TOOL_RESULT.equals(event.type()) && event.event() != null
                    && event.event().toolUseId() != null) {
                List<Seen> results = byCall.computeIfAbsent(event.event().toolUseId(), k -> new ArrayList<>());
                if (results.stream().noneMatch(r -> r.id().equals(event.id()))) {
                    results.add(event);
                }
            }
        }
        byCall.forEach((call, results) -> {
            boolean fresh = results.stream().anyMatch(r -> j.log().positionOf(r.id()) >= 0);
            if (results.size() > 1 && fresh) {
                j.report("UNB-001", "coordinator.one_result_per_call", "one tool result per tool call",
                        "session " + j.log().sessionId() + ", tool call " + call + ": " + Judging.briefs(results));
            }
        });
    }

    private static boolean isResultFor(Seen event, String toolUseId) {
        return EventMatcher.TOOL_RESULT.equals(event.type()) && event.event() != null
                && toolUseId.equals(event.event().toolUseId());
    }
}
