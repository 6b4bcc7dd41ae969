package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.model.SessionThread;

/**
 * {@code GET /v1/sessions/{session_id}/threads?limit=&page=}: coordinator first, then children in creation order,
 * archived ones included.
 */
public final class ListThreadsHandler implements Handler {
    private final ThreadLookup lookup;

    public ListThreadsHandler(ThreadLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void handle(Context ctx) {
        var session = lookup.session(ctx.pathParam("session_id"));
        PageRequest request = PageRequest.from(ctx);
        Page<SessionThread> page = Page.of(session.threads(), SessionThread::id, thread -> true, request);
        Json.respond(ctx, 200, page.toWire(WireFormat::thread));
    }
}
