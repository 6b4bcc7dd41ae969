package org.sessionthreads.conformance.refserver.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/**
 * The reference server's route table; it reads like the API reference. Before any route: the request id, then
 * authentication (for every path, known or not), then the query-string check. After: the error mapping for
 * whatever went wrong.
 */
public final class ApiRoutes {
    private static final String THREAD = "/v1/sessions/{session_id}/threads/{thread_id}";

    private final ServerOptions options;
    private final ThreadLookup lookup;
    private final ArchiveThread archive;

    public ApiRoutes(ServerOptions options, ThreadLookup lookup, ArchiveThread archive) {
        this.options = options;
        this.lookup = lookup;
        this.archive = archive;
    }

    /**
     * Registers everything on {@code routes}.
     *
     * @param createFixture {@code POST /_fixtures}
     * @param deleteFixture {@code DELETE /_fixtures/{session_id}}
     */
    public void install(RoutesConfig routes, Handler createFixture, Handler deleteFixture) {
        routes.before(new RequestIds());
        routes.before(new BearerAuthentication(options, lookup, archive));
        routes.before(new QueryStringCheck());
        StreamEventsHandler stream = new StreamEventsHandler(lookup, options.heartbeat());
        ListEventsHandler events = new ListEventsHandler(lookup);
        RouteTable table = new RouteTable()
                .add(POST, THREAD + "/archive", new ArchiveThreadHandler(archive))
                .add(GET, THREAD, new GetThreadHandler(lookup))
                .add(GET, "/v1/sessions/{session_id}/threads", new ListThreadsHandler(lookup))
                .add(GET, "/v1/sessions/{session_id}/events", events)
                .add(GET, THREAD + "/events", events)
                .add(GET, "/v1/sessions/{session_id}/events/stream", stream)
                .add(GET, THREAD + "/stream", stream)
                .add(POST, "/_fixtures", createFixture)
                .add(DELETE, "/_fixtures/{session_id}", deleteFixture);
        table.registerOn(routes);
        new ErrorMapping(options, new ErrorEnvelope(options), table).install(routes);
    }
}
