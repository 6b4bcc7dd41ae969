package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;

/**
 * Writes every error answer of the server, from route handlers and from Jetty alike, as
 * {@code {"type":"error","error":{"type":…,"message":…},"request_id":…}}. The faults that damage error bodies
 * ({@link Fault#WRONG_ERROR_TYPE}, {@link Fault#NO_ERROR_ENVELOPE}) live here and nowhere else.
 */
public final class ErrorEnvelope {
    private final ServerOptions options;

    public ErrorEnvelope(ServerOptions options) {
        this.options = options;
    }

    /** Answers {@code ctx} with {@code error}: status, extra headers, {@code x-request-id} and the envelope. */
    public void write(Context ctx, ApiException error) {
        String requestId = RequestIds.of(ctx);
        ctx.status(error.status());
        error.headers().forEach(ctx::header);
        ctx.header(RequestIds.HEADER, requestId);
        ctx.contentType(Json.CONTENT_TYPE);
        ctx.result(body(error.status(), error.type(), error.getMessage(), requestId));
    }

    /** The body bytes for an error (empty under {@link Fault#NO_ERROR_ENVELOPE}). */
    public byte[] body(int status, String type, String message, String requestId) {
        if (options.has(Fault.NO_ERROR_ENVELOPE)) {
            return new byte[0];
        }
        String effectiveType = status == 404 && options.has(Fault.WRONG_ERROR_TYPE) ? "not_found" : type;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", effectiveType);
        error.put("message", message);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "error");
        envelope.put("error", error);
        envelope.put("request_id", requestId);
        return Json.write(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
