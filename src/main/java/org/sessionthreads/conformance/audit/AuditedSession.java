package org.sessionthreads.conformance.audit;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.Event;

/**
 * One session as the end-of-run audit read it, once: every thread through GET and the list, the event history
 * (oldest first) and the newest-first page. Immutable; the invariant judges read nothing else.
 *
 * @param threads     the threads whose GET answered 200, in the order they were read
 * @param history     the session's events of the audited types, oldest first
 * @param newestFirst the page listed with {@code order=desc}, when the target answered it with a list
 */
public record AuditedSession(String sessionId, List<ReadThread> threads, List<Event> history,
                             Optional<NewestPage> newestFirst) {

    public AuditedSession {
        threads = List.copyOf(threads);
        history = List.copyOf(history);
    }

    /**
     * One thread as GET and the list showed it.
     *
     * @param threadId     the id the audit asked for
     * @param viaGet       the GET answer's thread
     * @param getRequestId the GET's {@code x-request-id}
     * @param viaList      the thread in the list, or null when the list does not contain it
     * @param reread       the second read, made when the two disagreed
     */
    public record ReadThread(String threadId, ThreadView viaGet, String getRequestId, ThreadView viaList,
                             Optional<Reread> reread) {
    }

    /**
     * The second read of a thread whose list entry disagreed with its GET.
     *
     * @param viaGet        the second GET's thread, or null when it did not answer 200
     * @param viaList       the thread in the second list, or null when it does not contain it
     * @param listRequestId the {@code x-request-id} of the second list's last page
     */
    public record Reread(ThreadView viaGet, ThreadView viaList, String listRequestId) {
        public boolean agrees() {
            return viaGet != null && viaList != null && viaGet.sameState(viaList);
        }
    }

    /**
     * @param summary the exchange's summary line, quoted by the evidence
     */
    public record NewestPage(List<Event> events, String summary) {
        public NewestPage {
            events = List.copyOf(events);
        }
    }
}
