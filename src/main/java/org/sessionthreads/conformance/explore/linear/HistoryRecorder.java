package org.sessionthreads.conformance.explore.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.SessionThread;

/**
 * Records the operations of a concurrent history as the clients run them, each with {@link System#nanoTime()} just
 * before the request and just after its answer was read. Thread-safe.
 */
final class HistoryRecorder {
    private final List<Operation<ArchiveCall, ThreadReply>> operations = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    /**
     * Runs {@code request} as client {@code client}'s operation {@code call}. A request that ends without an answer
     * (an exception) is recorded as pending and rethrown; a read answered other than 200 carries no observation of
     * the thread and is left out.
     */
    ApiResponse run(String client, ArchiveCall call, Supplier<ApiResponse> request) {
        int id = ids.incrementAndGet();
        long invoked = System.nanoTime();
        requests.incrementAndGet();
        ApiResponse response;
        try {
            response = request.get();
        } catch (RuntimeException noAnswer) {
            add(Operation.pending(id, client, call, invoked));
            throw noAnswer;
        }
        long answered = System.nanoTime();
        if (call.kind() == ArchiveCall.Kind.ARCHIVE || response.status() == 200) {
            add(new Operation<>(id, client, call, invoked, answered, reply(call, response), response.exchange()));
        }
        return response;
    }

    /** Records a read of the thread in a list answered at {@code answered}, showing {@code shown}. */
    void listed(String client, ArchiveCall call, long invoked, long answered, SessionThread shown, Exchange exchange) {
        add(new Operation<>(ids.incrementAndGet(), client, call, invoked, answered,
                new ThreadReply(200, shown.status(), shown.archivedAt()), exchange));
    }

    /** Records the target's own work, invoked no earlier than {@code invoked}, seen by {@code seenNanos} (or not). */
    int target(ArchiveCall call, long invoked, Long seenNanos, Exchange exchange) {
        int id = ids.incrementAndGet();
        add(seenNanos == null ? Operation.pending(id, "target", call, invoked)
                : new Operation<>(id, "target", call, invoked, seenNanos, ThreadReply.SEEN, exchange));
        return id;
    }

    /** Counts a request that is not an operation of the history (a read of the events). */
    void counted(int more) {
        requests.addAndGet(more);
    }

    int requests() {
        return requests.get();
    }

    synchronized List<Operation<ArchiveCall, ThreadReply>> operations() {
        return List.copyOf(operations);
    }

    private synchronized void add(Operation<ArchiveCall, ThreadReply> operation) {
        operations.add(operation);
    }

    private static ThreadReply reply(ArchiveCall call, ApiResponse response) {
        if (response.status() != 200) {
            return new ThreadReply(response.status(), null, null);
        }
        SessionThread thread = response.thread();
        return new ThreadReply(200, thread.status(), thread.archivedAt());
    }
}
