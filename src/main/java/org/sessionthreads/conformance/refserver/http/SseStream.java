package org.sessionthreads.conformance.refserver.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * The writing side of one Server-Sent Events response. Every event is one frame
 * {@code id: <event id>\nevent: <type>\ndata: <event JSON on one line>\n\n}; keep-alives are the comment frame
 * {@code : heartbeat\n\n}. Each frame is flushed at once.
 *
 * <p>{@link Variation#SSE_FRAMING_VARIANTS} lives here: the same fields in other spellings of the
 * text/event-stream format ({@link #variantFrame}).
 */
final class SseStream {
    static final String CONTENT_TYPE = "text/event-stream";
    /** {@link Variation#SSE_FRAMING_VARIANTS}: the reconnection time the stream announces first. */
    static final int RETRY_MILLIS = 1500;

    private final OutputStream out;
    private final Json json;
    private final String lineEnd;
    private final boolean variants;

    private SseStream(OutputStream out, Json json, boolean variants) {
        this.out = out;
        this.json = json;
        this.variants = variants;
        this.lineEnd = variants ? "\r\n" : "\n";
    }

    /** Commits the 200 response headers and returns the stream to write frames to. */
    static SseStream open(HttpServletResponse response, Json json, ServerOptions options) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        SseStream stream = new SseStream(response.getOutputStream(), json,
                options.varies(Variation.SSE_FRAMING_VARIANTS));
        if (stream.variants) {
            stream.write(": stream open" + stream.lineEnd + "retry: " + RETRY_MILLIS + stream.lineEnd + stream.lineEnd);
        }
        return stream;
    }

    void event(SessionEvent event) throws IOException {
        String data = json.write(WireFormat.event(event));
        write(variants ? variantFrame(event, data) : "id: " + event.id() + "\nevent: " + event.type().wireName()
                + "\ndata: " + data + "\n\n");
    }

    /**
     * The frame as {@link Variation#SSE_FRAMING_VARIANTS} writes it: a comment first, {@code event} before
     * {@code id}, no space after the colons, the JSON pretty-printed with one {@code data:} line per line (a reader
     * joins them with line feeds), CRLF line ends.
     */
    private String variantFrame(SessionEvent event, String data) {
        StringBuilder frame = new StringBuilder(": " + event.type().wireName() + lineEnd)
                .append("event:").append(event.type().wireName()).append(lineEnd)
                .append("id:").append(event.id()).append(lineEnd);
        Json.read(data).toPrettyString().lines().forEach(line -> frame.append("data:").append(line).append(lineEnd));
        return frame.append(lineEnd).toString();
    }

    /** Frames whose data is not JSON (an HTML error page cut into lines), for {@code Fault.EVENT_STREAM_GARBAGE}. */
    void garbage() throws IOException {
        write("id: garbage-1\nevent: message\ndata: <html><body>502 Bad Gateway</body></html>\n\n");
        write("data: {\"id\":\"evt_trunc\n\n");
        write("data: \u0000\u0001 not an event\n\n");
    }

    void heartbeat() throws IOException {
        write(": heartbeat" + lineEnd + lineEnd);
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
