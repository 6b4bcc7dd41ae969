package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;

/** Whether a request carries the credentials the server accepts; the conformant check is {@link BearerToken}. */
@FunctionalInterface
public interface Credentials {
    boolean accepted(Context ctx);
}
