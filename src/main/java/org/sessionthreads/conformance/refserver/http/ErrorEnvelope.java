package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * Writes every error answer of the server, from route handlers and from Jetty alike, as
 * {@code {"type":"error","error":{"type":…,"message":…},"request_id":…}}. The faults that damage error bodies
 * ({@link Fault#WRONG_ERROR_TYPE}, {@link Fault#NO_ERROR_ENVELOPE}, {@link Fault#UNAUTHORIZED_PLAIN_TEXT}) live here
 * and nowhere else, and so does {@link Variation#ERROR_ENVELOPE_VARIANT} (no {@code request_id}, an extra
 * {@code error.code}).
 */
public final class ErrorEnvelope {
    private static final String PLAIN_UNAUTHORIZED = "Unauthorized";

    private final ServerOptions options;
    private final Json json;

    public ErrorEnvelope(ServerOptions options, Json json) {
        this.options = options;
        this.json = json;
    }

    /** Answers {@code ctx} with {@code error}: status, extra headers, {@code x-request-id} and the envelope. */
    public void write(Context ctx, ApiException error) {
        String requestId = RequestIds.of(ctx);
        ctx.status(error.status());
        error.headers().forEach(ctx::header);
        ctx.header(RequestIds.HEADER, requestId);
        ctx.contentType(plainUnauthorized(error.status()) ? "text/plain" : Json.CONTENT_TYPE);
        ctx.result(body(error.status(), error.type(), error.getMessage(), requestId, error.code()));
    }

    /** The body bytes for an error (empty under {@link Fault#NO_ERROR_ENVELOPE}). */
    public byte[] body(int status, String type, String message, String requestId) {
        return body(status, type, message, requestId, null);
    }

    /**
     * The body bytes for an error with the Forward pages' {@code code} (null: none, or the variant's), in the
     * Forward dialect also {@code authentication_required} on a 401. {@link Fault#FORWARD_CONFLICT_WITHOUT_CODE}
     * lives here.
     */
    public byte[] body(int status, String type, String message, String requestId, String code) {
        if (options.has(Fault.NO_ERROR_ENVELOPE)) {
            return new byte[0];
        }
        if (plainUnauthorized(status)) {
            return PLAIN_UNAUTHORIZED.getBytes(StandardCharsets.UTF_8);
        }
        boolean variant = options.varies(Variation.ERROR_ENVELOPE_VARIANT);
        String effectiveType = status == 404 && options.has(Fault.WRONG_ERROR_TYPE) ? "not_found" : type;
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", effectiveType);
        error.put("message", message);
        String dialectCode = !options.dialect().errorCodes() ? null
                : status == 401 ? "authentication_required" : code;
        boolean codeDropped = status == 409 && options.has(Fault.FORWARD_CONFLICT_WITHOUT_CODE);
        if (codeDropped) {
            dialectCode = null;
        }
        if (dialectCode != null) {
            error.put("code", dialectCode);
        } else if (variant && !codeDropped) {
            error.put("code", codeFor(status));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "error");
        envelope.put("error", error);
        if (!variant) {
            envelope.put("request_id", requestId);
        }
        return json.write(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private boolean plainUnauthorized(int status) {
        return status == 401 && options.has(Fault.UNAUTHORIZED_PLAIN_TEXT);
    }

    /** A machine-readable code in the style of the Forward pages. */
    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "invalid_token";
            case 404 -> "resource_not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "thread_not_archivable";
            default -> status >= 500 ? "internal" : "invalid_request";
        };
    }
}
