package org.sessionthreads.conformance.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP half of the race kit: archive requests released together, or each at a planned moment. Releases are
 * a barrier and a scheduler, never a sleep. The other half (repetitions, events, verdicts) is
 * {@code events.ArchiveRaces}.
 */
public final class ArchiveRace {
    private final ThreadsApi threads;

    public ArchiveRace(ThreadsApi threads) {
        this.threads = threads;
    }

    /** An archive request to send at {@code releaseNanos} (a {@link System#nanoTime()} value). */
    public record PlannedArchive(ThreadRef thread, long releaseNanos) {
    }

    /**
     * Sends {@code requests} archive requests for one thread from as many threads, released at the same instant
     * by a barrier (so they overlap as much as the client allows); returns every answer in sending order.
     */
    public List<ApiResponse> simultaneously(ThreadRef thread, int requests) {
        CyclicBarrier start = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return threads.archive(thread);
                }));
            }
            return collect(answers);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends each planned archive at its moment (all of them concurrently); returns the answers in plan order. */
    public List<ApiResponse> atPlannedMoments(List<PlannedArchive> plan) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(Math.max(1, plan.size()));
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (PlannedArchive archive : plan) {
                Callable<ApiResponse> send = () -> threads.archive(archive.thread());
                answers.add(scheduler.schedule(send, Math.max(0, archive.releaseNanos() - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            }
            return collect(answers);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static List<ApiResponse> collect(List<Future<ApiResponse>> answers) {
        try {
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while racing archive requests", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
