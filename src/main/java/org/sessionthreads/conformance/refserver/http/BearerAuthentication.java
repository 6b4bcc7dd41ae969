package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Runs before routing and before any lookup, for every path: a request whose {@link Credentials} are not accepted
 * (conformant: {@link BearerToken}) is 401 {@code authentication_error} with {@code WWW-Authenticate: Bearer}. So a
 * bad token never learns whether an id or a route exists, and a rejected request changes nothing.
 */
public final class BearerAuthentication implements Handler {
    private final Credentials credentials;

    public BearerAuthentication(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void handle(Context ctx) {
        if (!credentials.accepted(ctx)) {
            throw ApiException.unauthorized();
        }
    }
}
