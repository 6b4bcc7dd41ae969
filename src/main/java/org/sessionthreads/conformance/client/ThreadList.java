package org.sessionthreads.conformance.client;

import java.util.List;
import java.util.Optional;

/**
 * A session's threads as {@code GET /sessions/{session_id}/threads} lists them, all pages followed; or why the
 * list could not be read in full ({@code problem}), with the exchange that was last.
 *
 * @param pages how many pages were read
 */
public record ThreadList(List<SessionThread> threads, int pages, Optional<String> problem, Exchange last) {

    public ThreadList {
        threads = List.copyOf(threads);
    }

    public Optional<SessionThread> find(String threadId) {
        return threads.stream().filter(t -> threadId.equals(t.id())).findFirst();
    }

    public boolean complete() {
        return problem.isEmpty();
    }
}
