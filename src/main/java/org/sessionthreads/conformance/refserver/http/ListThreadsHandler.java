package org.sessionthreads.conformance.refserver.http;

import org.sessionthreads.conformance.refserver.ServerOptions;
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
    private final Json json;
    private final PageRules pages;
    private final ServerOptions options;

    ListThreadsHandler(ThreadLookup lookup, Json json, PageRules pages, ServerOptions options) {
        this.lookup = lookup;
        this.json = json;
        this.pages = pages;
        this.options = options;
    }

    @Override
    public void handle(Context ctx) {
        var session = lookup.session(ctx.pathParam("session_id"));
        PageRequest request = pages.request(ctx);
        Page<SessionThread> page = Page.of(lookup.readAll(session), SessionThread::id, thread -> true, request);
        json.respond(ctx, 200, page.toWire(thread -> WireFormat.thread(thread, options)));
    }
}
