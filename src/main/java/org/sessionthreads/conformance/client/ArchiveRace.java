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
        List<Callable<ApiResponse>> archives = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            archives.add(() -> threads.archive(thread));
        }
        return together(archives);
    }

    /**
     * Runs {@code tasks} from as many threads, released at the same instant by a barrier; returns their results in
     * order. The clients of a concurrent history (each task a client's short sequence of requests) use it too.
     */
    public static <T> List<T> together(List<Callable<T>> tasks) {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            return collect(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends each planned archive at its moment (all of them concurrently); returns the answers in plan order. */
    public List<ApiResponse> atPlannedMoments(List<PlannedArchive> plan) {
        List<Callable<ApiResponse>> archives = new ArrayList<>();
        List<Long> moments = new ArrayList<>();
        for (PlannedArchive archive : plan) {
            archives.add(() -> threads.archive(archive.thread()));
            moments.add(archive.releaseNanos());
        }
        return atMoments(archives, moments);
    }

    /**
     * Runs each task at its moment ({@link System#nanoTime()} values, in the order of the tasks), all of them
     * concurrently; returns their results in order.
     */
    public static <T> List<T> atMoments(List<Callable<T>> tasks, List<Long> releaseNanos) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(Math.max(1, tasks.size()));
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                results.add(scheduler.schedule(tasks.get(i), Math.max(0, releaseNanos.get(i) - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            }
            return collect(results);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static <T> List<T> collect(List<Future<T>> answers) {
        try {
            List<T> responses = new ArrayList<>();
            for (Future<T> answer : answers) {
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
