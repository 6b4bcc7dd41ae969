package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.audit.AuditedSession.NewestPage;
import org.sessionthreads.conformance.audit.AuditedSession.ReadThread;
import org.sessionthreads.conformance.audit.AuditedSession.Reread;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadList;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.events.EventHistory;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * Reads one session for the end-of-run audit into an {@link AuditedSession}: the thread list, the event history,
 * the newest-first page, then each thread through GET, and list and GET once more for a thread on which they
 * disagree (a live thread may move between two reads). What cannot be read is a problem, never an empty fact.
 */
final class SessionReader {
    private final ThreadsApi threads;
    private final EventHistory histories;
    private final int maxPages;

    SessionReader(ThreadsApi threads, EventHistory histories, int maxPages) {
        this.threads = threads;
        this.histories = histories;
        this.maxPages = maxPages;
    }

    /**
     * What one session's read gave.
     *
     * @param session  the session as read; empty when its list or its history could not be read in full
     * @param problems what could not be read
     * @param threads  threads read (through GET and the list); {@code events} and {@code requests}: what it cost
     */
    record Reading(Optional<AuditedSession> session, List<String> problems, int threads, int events, int requests) {
    }

    /** Reads {@code sessionId}: every thread it lists and the {@code known} ones the run's fixtures named. */
    Reading read(String sessionId, Set<String> known, ArchiveJournal journal) {
        List<String> problems = new ArrayList<>();
        ThreadList listed = threads.list(sessionId, maxPages);
        Cost cost = new Cost(listed.pages());
        if (!listed.complete()) {
            problems.add("session " + sessionId + ": the thread list could not be read: " + listed.problem().get());
            return new Reading(Optional.empty(), problems, 0, 0, cost.requests);
        }
        Set<String> ids = new LinkedHashSet<>(known);
        listed.threads().forEach(t -> ids.add(t.id()));
        List<Event> history = history(sessionId, ids, journal, problems, cost);
        if (history == null) {
            return new Reading(Optional.empty(), problems, 0, 0, cost.requests);
        }
        Optional<NewestPage> newestFirst = newestFirst(sessionId, cost);
        List<ReadThread> read = new ArrayList<>();
        for (String threadId : ids) {
            ApiResponse got = threads.get(new ThreadRef(sessionId, threadId));
            cost.requests++;
            if (got.status() != 200) {
                problems.add("session " + sessionId + ", thread " + threadId + ": GET answered " + got);
                continue;
            }
            read.add(thread(sessionId, threadId, got, listed, cost));
        }
        return new Reading(Optional.of(new AuditedSession(sessionId, read, history, newestFirst)), problems,
                ids.size(), history.size(), cost.requests);
    }

    /**
     * The session's whole event history, oldest first; null (and a problem) when it cannot be read in full. When
     * a thread of {@code ids} whose archive was answered 200 has no terminated event in a history read with types,
     * a violation would rest on an event not being listed: the history is confirmed by a plain read first
     * ({@link EventHistory#confirm}), which decides when it disagrees.
     */
    private List<Event> history(String sessionId, Set<String> ids, ArchiveJournal journal, List<String> problems,
                                Cost cost) {
        EventHistory.Read read = histories.read(sessionId, maxPages);
        cost.requests += read.pages();
        if (!read.complete()) {
            // why: a page that is not a list reads as "no events", which would judge invariants on nothing
            problems.add("session " + sessionId + ": " + read.problem().get());
            return null;
        }
        boolean restsOnAbsence = journal.accepted().stream().map(e -> e.thread().threadId())
                .filter(ids::contains)
                .anyMatch(id -> read.events().stream().noneMatch(EventMatcher.terminated(id)::matches));
        if (!restsOnAbsence) {
            return read.events();
        }
        EventHistory.Read confirmed = histories.confirm(sessionId, read, maxPages);
        cost.requests += confirmed.pages() - read.pages();
        return confirmed.events();
    }

    /**
     * The newest page ({@code order=desc}) when the target answers it with a list; a target that refuses the
     * parameter (any other answer) is not asked for it here, and once it answered 400 the later sessions are not
     * asked at all.
     */
    private Optional<NewestPage> newestFirst(String sessionId, Cost cost) {
        Optional<ApiResponse> answered = histories.newestPage(sessionId);
        answered.ifPresent(page -> cost.requests++);
        return answered.filter(page -> page.status() == 200 && page.json().path("data").isArray())
                .map(page -> new NewestPage(page.events(), page.exchange().summary()));
    }

    private ReadThread thread(String sessionId, String threadId, ApiResponse got, ThreadList listed, Cost cost) {
        ThreadView viaGet = ThreadView.of(got.thread());
        ThreadView viaList = listed.find(threadId).map(ThreadView::of).orElse(null);
        Optional<Reread> reread = Optional.empty();
        if (!ListAgreesWithGet.agree(viaGet, viaList)) {
            ThreadList again = threads.list(sessionId, maxPages);
            ApiResponse gotAgain = threads.get(new ThreadRef(sessionId, threadId));
            cost.requests += again.pages() + 1;
            reread = Optional.of(new Reread(gotAgain.status() == 200 ? ThreadView.of(gotAgain.thread()) : null,
                    again.find(threadId).map(ThreadView::of).orElse(null), again.last().requestId()));
        }
        return new ReadThread(threadId, viaGet, got.exchange().requestId(), viaList, reread);
    }

    /** Requests one session's read made. */
    private static final class Cost {
        int requests;

        Cost(int requests) {
            this.requests = requests;
        }
    }
}
