package org.sessionthreads.conformance.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every archive request of the run and its answer, in the order the answers arrived, for the end-of-run audit.
 * Thread-safe: scenarios (and the race kit's simultaneous requests) record from many threads at once.
 *
 * <pre>{@code
 * journal.accepted();            // the archives answered 200: these threads must stay archived
 * journal.lastAnswerAt();        // when the latest answer arrived: the audit settles after it
 * }</pre>
 */
public final class ArchiveJournal {
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /**
     * One archive request and what came back.
     *
     * @param thread     the thread the path named
     * @param status     the HTTP status (0: no answer)
     * @param archivedAt {@code archived_at} of a 200 answer's body (null otherwise or when absent)
     * @param answeredAt when the answer (or the failure) arrived
     * @param requestId  the exchange's {@code x-request-id}
     */
    public record Entry(ThreadRef thread, int status, String archivedAt, Instant answeredAt, String requestId) {
        public boolean accepted() {
            return status == 200;
        }
    }

    void record(ThreadRef thread, ApiResponse response) {
        String archivedAt = response.status() == 200 ? response.thread().archivedAt() : null;
        Instant answeredAt = response.exchange().startedAt().plus(response.exchange().duration());
        entries.add(new Entry(thread, response.status(), archivedAt, answeredAt, response.exchange().requestId()));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The archives answered 200, oldest answer first. */
    public List<Entry> accepted() {
        return entries.stream().filter(Entry::accepted).toList();
    }

    public Optional<Instant> lastAnswerAt() {
        return entries.stream().map(Entry::answeredAt).max(Instant::compareTo);
    }
}
