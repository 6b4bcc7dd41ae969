package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.TransportFault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive}; any request body is ignored.
 * {@link Fault#ARCHIVED_THREAD_WITHOUT_ROLE} and every {@link TransportFault} live here (the wire side of the
 * latter in {@link HostileAnswers}).
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
    public void handle(Context ctx) throws java.io.IOException {
        if (options.has(TransportFault.ARCHIVE_HANGS)) {
            HostileAnswers.hang(ctx);
            return;
        }
        if (options.has(TransportFault.REDIRECT_TO_OTHER_ORIGIN)) {
            HostileAnswers.redirect(ctx);
            return;
        }
        var thread = archive.archive(ctx.pathParam("session_id"), ctx.pathParam("thread_id"));
        Map<String, Object> body = WireFormat.thread(thread);
        if (options.has(Fault.ARCHIVED_THREAD_WITHOUT_ROLE)) {
            body.remove("role");
        }
        if (options.has(TransportFault.ARCHIVE_BODY_DRIPS)) {
            HostileAnswers.drip(ctx, json.write(body));
        } else if (options.has(TransportFault.ARCHIVE_BODY_FLOOD)) {
            HostileAnswers.flood(ctx);
        } else if (options.has(TransportFault.RESET_CONNECTION)) {
            HostileAnswers.reset(ctx, json.write(body));
        } else {
            json.respond(ctx, 200, body);
        }
    }
}
