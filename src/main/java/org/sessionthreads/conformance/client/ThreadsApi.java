package org.sessionthreads.conformance.client;

import java.net.URI;

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
        return archive(thread, RequestOptions.defaults().withCredentials(credentials));
    }

    /** The archive request sent with {@code options}, e.g. {@link RequestOptions#idempotent()}. */
    public ApiResponse archive(ThreadRef thread, RequestOptions options) {
        return client.send("POST", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId(),
                "archive"), options, null);
    }

    /** {@code GET /sessions/{session_id}/threads/{thread_id}}. */
    public ApiResponse get(ThreadRef thread) {
        return client.send("GET", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId()),
                Credentials.profileToken(), null);
    }
}
