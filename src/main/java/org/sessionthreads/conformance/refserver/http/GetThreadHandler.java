package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/** {@code GET /v1/sessions/{session_id}/threads/{thread_id}}: the stored thread, archived or not. */
public final class GetThreadHandler implements Handler {
    private final ThreadLookup lookup;

    public GetThreadHandler(ThreadLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void handle(Context ctx) {
        var location = lookup.thread(ctx.pathParam("session_id"), ctx.pathParam("thread_id"));
        Json.respond(ctx, 200, WireFormat.thread(location.thread()));
    }
}
