package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive}; any request body is ignored.
 * {@link Fault#ARCHIVED_THREAD_WITHOUT_ROLE}, {@link Fault#ARCHIVE_BODY_INVALID_UTF8},
 * {@link Fault#DEEPLY_NESTED_BODY} and {@link Fault#ARCHIVE_BODY_AS_TEXT_PLAIN} live here.
 */
public final class ArchiveThreadHandler implements Handler {
    private final ArchiveThread archive;
    private final ServerOptions options;
    private final Json json;
    /** Stands for the hostile part of a fault's body until the JSON text is written. */
    private static final String MARKER = "@@hostile@@";
    /** How deep {@link Fault#DEEPLY_NESTED_BODY} nests its arrays. */
    public static final int NESTING = 100_000;

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
        if (options.has(Fault.ARCHIVE_BODY_INVALID_UTF8)) {
            body.put("name", MARKER); // why: a free-text field, where a lenient decoder's U+FFFD would pass
        }
        if (options.has(Fault.DEEPLY_NESTED_BODY)) {
            body.put("metadata", MARKER);
        }
        json.respond(ctx, 200, body);
        if (options.has(Fault.ARCHIVE_BODY_INVALID_UTF8)) {
            String[] around = ctx.result().split(MARKER, 2);
            ctx.result(concat(around[0].getBytes(StandardCharsets.UTF_8), new byte[] {'w', (byte) 0xC3, '(', 'r'},
                    around[1].getBytes(StandardCharsets.UTF_8)));
        }
        if (options.has(Fault.DEEPLY_NESTED_BODY)) {
            ctx.result(ctx.result().replace("\"" + MARKER + "\"",
                    "[".repeat(NESTING) + "]".repeat(NESTING)));
        }
        if (options.has(Fault.ARCHIVE_BODY_AS_TEXT_PLAIN)) {
            ctx.contentType("text/plain");
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
