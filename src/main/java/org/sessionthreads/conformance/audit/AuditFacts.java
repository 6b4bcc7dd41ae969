package org.sessionthreads.conformance.audit;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * What the invariant judges judge: one session as it was read and the run's archive answers.
 *
 * @param journal every archive request of the run and its answer, in the order the answers arrived
 */
public record AuditFacts(AuditedSession session, List<ArchiveJournal.Entry> journal) {
    static final String STATUS_EVENT_PREFIX = "session.thread_status_";

    public AuditFacts {
        journal = List.copyOf(journal);
    }

    /** "session sess_…, thread sthr_…": how the evidence names a thread. */
    String where(ThreadView thread) {
        return "session " + session.sessionId() + ", thread " + thread.id();
    }

    /** The archive requests that named {@code threadId} (in any session). */
    List<ArchiveJournal.Entry> requestsNaming(String threadId) {
        return journal.stream().filter(e -> threadId.equals(e.thread().threadId())).toList();
    }

    /** The first archive of {@code threadId} answered 200. */
    Optional<ArchiveJournal.Entry> accepted(String threadId) {
        return everyAccepted(threadId).stream().findFirst();
    }

    /** Every archive of {@code threadId} answered 200, in the order the journal recorded them. */
    List<ArchiveJournal.Entry> everyAccepted(String threadId) {
        return requestsNaming(threadId).stream().filter(ArchiveJournal.Entry::accepted).toList();
    }

    /** The terminated events of {@code threadId} in the history. */
    List<Event> terminated(String threadId) {
        return session.history().stream().filter(EventMatcher.terminated(threadId)::matches).toList();
    }

    /** The events of {@code threadId} that follow its first terminated event (none when it has none). */
    List<Event> afterTerminated(String threadId) {
        List<Event> terminated = terminated(threadId);
        if (terminated.isEmpty()) {
            return List.of();
        }
        List<Event> history = session.history();
        return history.subList(history.indexOf(terminated.get(0)) + 1, history.size()).stream()
                .filter(e -> threadId.equals(e.sessionThreadId())).toList();
    }

    /** The threads GET showed, each once, in the order they were read. */
    List<ThreadView> threads() {
        return session.threads().stream().map(AuditedSession.ReadThread::viaGet).toList();
    }
}
