package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The session-thread endpoints: archive (the subject of the suite), get and list (to observe state). */
public final class ThreadsApi {
    private final ApiClient client;
    private final URI apiBase;

    public ThreadsApi(ApiClient client, URI apiBase) {
        this.client = client;
        this.apiBase = apiBase;
    }

    /** {@code POST /sessions/{session_id}/threads/{thread_id}/archive} with the profile's token and no body. */
    public ApiResponse archive(ThreadRef thread) {
        return archive(thread, Credentials.profileToken());
    }

    public ApiResponse archive(ThreadRef thread, Credentials credentials) {
        return client.send("POST", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId(),
                "archive"), credentials, null);
    }

    /**
     * Sends {@code count} archive requests for one thread from {@code count} threads released at the same instant
     * (a barrier, so they overlap as much as the client allows), and returns every answer.
     */
    public List<ApiResponse> archiveConcurrently(ThreadRef thread, int count) {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return archive(thread);
                }));
            }
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while archiving concurrently", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code GET /sessions/{session_id}/threads/{thread_id}}. */
    public ApiResponse get(ThreadRef thread) {
        return client.send("GET", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId()),
                Credentials.profileToken(), null);
    }
}
