package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.model.IdPrefix;

/**
 * Gives every request an id and sends it back as the {@code x-request-id} response header (and in every error
 * envelope). The caller's {@code x-request-id} is echoed when it is usable: 1–200 printable ASCII characters after
 * trimming; otherwise a fresh {@code req_} id is used. Runs first, before authentication, so even a 401 carries it.
 */
public final class RequestIds implements Handler {
    public static final String HEADER = "x-request-id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int MAX_LENGTH = 200;

    @Override
    public void handle(Context ctx) {
        ctx.header(HEADER, of(ctx));
    }

    /** The id of this request, decided once and remembered on the context. */
    public static String of(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            known = fromHeader(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, known);
        }
        return known;
    }

    /** The id for a request whose {@code x-request-id} header is {@code value} (may be {@code null}). */
    public static String fromHeader(String value) {
        String trimmed = value == null ? "" : value.trim();
        boolean usable = !trimmed.isEmpty() && trimmed.length() <= MAX_LENGTH
                && trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return usable ? trimmed : IdPrefix.REQUEST.next();
    }
}
