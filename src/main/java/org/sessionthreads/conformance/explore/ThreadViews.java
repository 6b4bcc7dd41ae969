package org.sessionthreads.conformance.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadList;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.explore.model.Observation;
import org.sessionthreads.conformance.fixture.Fixture;

/**
 * Reads the documented thread views of a sequence's fixture after each step: GET of the child and the coordinator,
 * the session's thread list, GET of the other session's child (when the sequence has one), and (when {@code full})
 * the list again in pages of one; or the child alone.
 * Counts the requests it sends.
 */
final class ThreadViews {
    /** Pages a list read may take: a fixture session holds a handful of threads. */
    static final int MAX_PAGES = 10;
    private final ThreadsApi threads;
    private final AtomicInteger requests;

    ThreadViews(ThreadsApi threads, AtomicInteger requests) {
        this.threads = threads;
        this.requests = requests;
    }

    Observation observe(Fixture fixture, Fixture other, boolean full) {
        List<Exchange> exchanges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<SessionThread> child = get(fixture.thread(), exchanges, problems);
        Optional<SessionThread> coordinator = get(fixture.coordinator(), exchanges, problems);
        Optional<List<SessionThread>> list = list(fixture.sessionId(), ThreadsApi.PAGE_SIZE, exchanges, problems);
        Optional<List<SessionThread>> paged = full ? list(fixture.sessionId(), 1, exchanges, problems)
                : Optional.empty();
        Optional<SessionThread> otherChild = other == null ? Optional.empty()
                : get(other.thread(), exchanges, problems);
        return new Observation(child, coordinator, list, paged, otherChild, exchanges, problems);
    }

    /** The child alone (after a step the model lets change nothing: the child shows a change first). */
    Observation child(Fixture fixture) {
        List<Exchange> exchanges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<SessionThread> child = get(fixture.thread(), exchanges, problems);
        return new Observation(child, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                exchanges, problems);
    }

    private Optional<SessionThread> get(ThreadRef thread, List<Exchange> exchanges, List<String> problems) {
        requests.incrementAndGet();
        ApiResponse response = threads.get(thread);
        exchanges.add(response.exchange());
        if (response.status() != 200) {
            problems.add("GET " + thread + " answered " + response.status());
            return Optional.empty();
        }
        try {
            return Optional.of(response.thread());
        } catch (RuntimeException notAThread) {
            problems.add("GET " + thread + " is not a thread: " + response.excerpt());
            return Optional.empty();
        }
    }

    private Optional<List<SessionThread>> list(String sessionId, int pageSize, List<Exchange> exchanges,
                                               List<String> problems) {
        ThreadList list = threads.list(sessionId, MAX_PAGES * (pageSize == 1 ? 2 : 1), pageSize);
        requests.addAndGet(list.pages());
        if (list.last() != null) {
            exchanges.add(list.last());
        }
        if (list.problem().isPresent()) {
            problems.add("list of " + sessionId + " (limit " + pageSize + "): " + list.problem().get());
            return Optional.empty();
        }
        return Optional.of(list.threads());
    }
}
