package org.sessionthreads.conformance.refserver.http;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/**
 * The reference server's route table; it reads like the API reference. Before any route: the request id, then
 * authentication (for every path, known or not), then the query-string check. After: the error mapping for
 * whatever went wrong.
 *
 * <p>These conformant variations are decided here: the {@code LATENCY_} ones ({@link ServerOptions#latency()}) and
 * the request part of {@link Variation#DEPLOYMENT_PACE} (a pause before every request),
 * {@link Variation#TWO_ITEM_PAGES} (list pages capped at two items), {@link Variation#HAS_MORE_ON_FULL_PAGES}
 * (a full page says {@code has_more} without reading ahead) and {@link Variation#RATE_LIMITED} (429/503
 * before the request is looked at).
 */
public final class ApiRoutes {
    private static final String THREAD = "/v1/sessions/{session_id}/threads/{thread_id}";

    private final ServerOptions options;
    private final ThreadLookup lookup;
    private final ArchiveThread archive;
    private final Credentials credentials;
    private final Json json;
    private final ErrorEnvelope envelope;

    public ApiRoutes(ServerOptions options, ThreadLookup lookup, ArchiveThread archive, Credentials credentials,
                     Json json, ErrorEnvelope envelope) {
        this.options = options;
        this.lookup = lookup;
        this.archive = archive;
        this.credentials = credentials;
        this.json = json;
        this.envelope = envelope;
    }

    /**
     * Registers everything on {@code routes}.
     *
     * @param createFixture {@code POST /_fixtures}, or null when the hook is switched off (then it is no route: 404)
     * @param deleteFixture {@code DELETE /_fixtures/{session_id}}, or null likewise
     * @param publicApi     {@code POST /v1/agents}, {@code /v1/sessions}, {@code /v1/sessions/{id}/events},
     *                      {@code /v1/sessions/{id}/archive}, or null when it is switched off (no routes: 404)
     */
    public void install(RoutesConfig routes, Handler createFixture, Handler deleteFixture,
                        org.sessionthreads.conformance.refserver.publicapi.PublicApi publicApi) {
        options.latency().ifPresent(latency -> routes.before(
                ctx -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(latency.nextDelayMillis()))));
        if (options.varies(Variation.DEPLOYMENT_PACE)) {
            routes.before(ctx -> LockSupport.parkNanos(
                    TimeUnit.MILLISECONDS.toNanos(Variation.DEPLOYMENT_REQUEST_MILLIS)));
        }
        routes.before(new RequestIds());
        if (options.varies(Variation.RATE_LIMITED)) {
            routes.before(new RateLimiter());
        }
        routes.before(new BearerAuthentication(credentials));
        routes.before(new QueryStringCheck());
        PageRules pages = new PageRules(options.varies(Variation.TWO_ITEM_PAGES) ? 2 : PageRequest.MAX_LIMIT,
                !options.varies(Variation.HAS_MORE_ON_FULL_PAGES));
        StreamEventsHandler stream = new StreamEventsHandler(lookup, options.heartbeat(), json, options);
        ListEventsHandler events = new ListEventsHandler(lookup, json, pages, options);
        Handler plainArchive = new ArchiveThreadHandler(archive, options, json);
        // why: a target without the Forward API ignores the header; the suite must then leave IDEM-* DISABLED
        Handler archiveThread = options.idempotency() ? new IdempotencyKeys(plainArchive, options) : plainArchive;
        RouteTable table = new RouteTable()
                .add(POST, THREAD + "/archive", archiveThread)
                .add(GET, THREAD, new GetThreadHandler(lookup, json, options))
                .add(GET, "/v1/sessions/{session_id}/threads", new ListThreadsHandler(lookup, json, pages, options))
                .add(GET, "/v1/sessions/{session_id}/events", events)
                .add(GET, THREAD + "/events", events);
        if (publicApi != null) {
            table.add(POST, "/v1/agents", publicApi.createAgent())
                    .add(POST, "/v1/sessions", publicApi.createSession())
                    .add(POST, "/v1/sessions/{session_id}/events", publicApi.sendEvents())
                    .add(POST, "/v1/sessions/{session_id}/archive", publicApi.archiveSession());
        }
        if (options.eventStream()) { // why: switched off, the paths are unknown, so they answer 404 in the envelope
            table.add(GET, "/v1/sessions/{session_id}/events/stream", stream).add(GET, THREAD + "/stream", stream);
        }
        if (createFixture != null) {
            table.add(POST, "/_fixtures", createFixture).add(DELETE, "/_fixtures/{session_id}", deleteFixture);
        }
        table.registerOn(routes);
        new ErrorMapping(options, envelope, table).install(routes);
    }
}
