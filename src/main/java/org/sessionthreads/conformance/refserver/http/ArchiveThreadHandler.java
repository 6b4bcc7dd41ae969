package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive}; any request body is ignored.
 * {@link Fault#ARCHIVED_THREAD_WITHOUT_ROLE} lives here.
 */
public final class ArchiveThreadHandler implements Handler {
    private final ArchiveThread archive;
    private final ServerOptions options;
    private final Json json;

    public ArchiveThreadHandler(ArchiveThread archive, ServerOptions options, Json json) {
        this.archive = archive;
        this.options = options;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) {
        var thread = archive.archive(ctx.pathParam("session_id"), ctx.pathParam("thread_id"));
        Map<String, Object> body = WireFormat.thread(thread);
        if (options.has(Fault.ARCHIVED_THREAD_WITHOUT_ROLE)) {
            body.remove("role");
        }
        json.respond(ctx, 200, body);
    }
}
