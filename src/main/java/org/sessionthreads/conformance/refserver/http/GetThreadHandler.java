package org.sessionthreads.conformance.refserver.http;

import org.sessionthreads.conformance.refserver.ServerOptions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/** {@code GET /v1/sessions/{session_id}/threads/{thread_id}}: the stored thread, archived or not. */
public final class GetThreadHandler implements Handler {
    private final ThreadLookup lookup;
    private final Json json;
    private final ServerOptions options;

    public GetThreadHandler(ThreadLookup lookup, Json json, ServerOptions options) {
        this.lookup = lookup;
        this.json = json;
        this.options = options;
    }

    @Override
    public void handle(Context ctx) {
        json.respond(ctx, 200, WireFormat.thread(lookup.read(ctx.pathParam("session_id"), ctx.pathParam("thread_id")),
                options));
    }
}
