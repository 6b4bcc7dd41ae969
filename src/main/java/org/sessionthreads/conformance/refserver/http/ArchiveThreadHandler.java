package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;

/** {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive}; any request body is ignored. */
public final class ArchiveThreadHandler implements Handler {
    private final ArchiveThread archive;

    public ArchiveThreadHandler(ArchiveThread archive) {
        this.archive = archive;
    }

    @Override
    public void handle(Context ctx) {
        var thread = archive.archive(ctx.pathParam("session_id"), ctx.pathParam("thread_id"));
        Json.respond(ctx, 200, WireFormat.thread(thread));
    }
}
