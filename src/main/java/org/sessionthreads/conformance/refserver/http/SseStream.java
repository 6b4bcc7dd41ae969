package org.sessionthreads.conformance.refserver.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * The writing side of one Server-Sent Events response. Every event is one frame
 * {@code id: <event id>\nevent: <type>\ndata: <event JSON on one line>\n\n}; keep-alives are the comment frame
 * {@code : heartbeat\n\n}. Each frame is flushed at once.
 */
final class SseStream {
    static final String CONTENT_TYPE = "text/event-stream";

    private final OutputStream out;
    private final Json json;

    private SseStream(OutputStream out, Json json) {
        this.out = out;
        this.json = json;
    }

    /** Commits the 200 response headers and returns the stream to write frames to. */
    static SseStream open(HttpServletResponse response, Json json) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        return new SseStream(response.getOutputStream(), json);
    }

    void event(SessionEvent event) throws IOException {
        write("id: " + event.id() + "\nevent: " + event.type().wireName() + "\ndata: "
                + json.write(WireFormat.event(event)) + "\n\n");
    }

    /** Frames whose data is not JSON (an HTML error page cut into lines), for {@code Fault.EVENT_STREAM_GARBAGE}. */
    void garbage() throws IOException {
        write("id: garbage-1\nevent: message\ndata: <html><body>502 Bad Gateway</body></html>\n\n");
        write("data: {\"id\":\"evt_trunc\n\n");
        write("data: \u0000\u0001 not an event\n\n");
    }

    void heartbeat() throws IOException {
        write(": heartbeat\n\n");
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
