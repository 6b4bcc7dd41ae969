package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;

/**
 * How the list endpoints cut their pages, decided once for the server in {@link ApiRoutes}.
 *
 * @param cap       the most items one page holds, whatever {@code limit} asks
 * @param readAhead false: a full page says {@code has_more} without looking further (see {@link PageRequest})
 */
record PageRules(int cap, boolean readAhead) {

    /** The paging parameters of {@code ctx} under these rules. */
    PageRequest request(Context ctx) {
        PageRequest request = PageRequest.from(ctx).cappedAt(cap);
        return readAhead ? request : request.withoutReadAhead();
    }
}
