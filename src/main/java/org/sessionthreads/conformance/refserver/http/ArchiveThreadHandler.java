package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.TransportFault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive}; any request body is ignored.
 * {@link Fault#ARCHIVED_THREAD_WITHOUT_ROLE}, {@link Fault#ARCHIVE_BODY_INVALID_UTF8},
 * {@link Fault#DEEPLY_NESTED_BODY}, {@link Fault#ARCHIVE_BODY_AS_TEXT_PLAIN} and every {@link TransportFault} live
 * here (the wire side of the latter in {@link HostileAnswers}).
 */
public final class ArchiveThreadHandler implements Handler {
    private final ArchiveThread archive;
    private final ServerOptions options;
    private final Json json;
    /** How deep {@link Fault#DEEPLY_NESTED_BODY} nests its arrays. */
    public static final int NESTING = 100_000;

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
        Map<String, Object> body = WireFormat.thread(thread, options);
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
            if (options.has(Fault.ARCHIVE_BODY_INVALID_UTF8)) {
                ctx.result(withInvalidUtf8(ctx.result()));
            }
            if (options.has(Fault.DEEPLY_NESTED_BODY)) {
                String answer = ctx.result();
                ctx.result(answer.substring(0, answer.lastIndexOf('}')) + ",\"metadata\":" + "[".repeat(NESTING)
                        + "]".repeat(NESTING) + "}");
            }
            if (options.has(Fault.ARCHIVE_BODY_AS_TEXT_PLAIN)) {
                ctx.contentType("text/plain");
            }
        }
    }

    /**
     * The first {@code name} of the thread (its agent's) becomes {@code w 0xC3 ( r}: 0xC3 starts a two-byte
     * sequence that {@code (} does not continue. A free-text field, where a lenient decoder's U+FFFD would pass
     * the schema.
     */
    private static byte[] withInvalidUtf8(String thread) {
        String[] around = thread.split("\"name\":(null|\"(\\\\.|[^\"\\\\])*\")", 2);
        return concat(around[0].getBytes(StandardCharsets.UTF_8), "\"name\":\"w".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, '(', 'r', '"'}, around[1].getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
