package org.sessionthreads.conformance.selftest.explore;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Plays many sequences at once, each against its own embedded server, so a test class's wall time is that of its
 * slowest sequence (they mostly wait for the faults' delays), not their sum.
 */
final class ParallelTargets {
    /** What one sequence left: the requirements of its violations, their text, the requests of each call. */
    record Outcome(Set<String> requirements, String described, List<Integer> requests) {
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(10);
    private final Map<String, CompletableFuture<Outcome>> started = new ConcurrentHashMap<>();

    void start(String name, Supplier<ViewsTarget> sequence) {
        started.put(name, CompletableFuture.supplyAsync(() -> {
            try (ViewsTarget target = sequence.get()) {
                return new Outcome(target.requirements(), target.describe(), target.requests());
            }
        }, pool));
    }

    Outcome outcome(String name) {
        return started.get(name).join();
    }

    Map<String, CompletableFuture<Outcome>> all() {
        return started;
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
