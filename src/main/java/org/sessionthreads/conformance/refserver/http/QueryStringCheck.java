package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.regex.Pattern;

/**
 * Rejects a query string with broken percent-encoding ({@code ?limit=%zz}) with 400. Without this check Javalin
 * silently drops the whole query string, and the request would succeed with default parameters. Runs after
 * authentication.
 */
final class QueryStringCheck implements Handler {
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Override
    public void handle(Context ctx) {
        String query = ctx.queryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            throw ApiException.badRequest("The query string is not validly percent-encoded.");
        }
    }
}
