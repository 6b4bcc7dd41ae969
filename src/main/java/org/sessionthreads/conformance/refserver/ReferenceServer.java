package org.sessionthreads.conformance.refserver;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sessionthreads.conformance.refserver.coordinator.ScriptedCoordinator;
import org.sessionthreads.conformance.refserver.faults.FaultInjection;
import org.sessionthreads.conformance.refserver.fixtures.FixtureHook;
import org.sessionthreads.conformance.refserver.fixtures.FixtureSessions;
import org.sessionthreads.conformance.refserver.http.ApiRoutes;
import org.sessionthreads.conformance.refserver.http.BearerToken;
import org.sessionthreads.conformance.refserver.http.Credentials;
import org.sessionthreads.conformance.refserver.http.ErrorEnvelope;
import org.sessionthreads.conformance.refserver.http.JettyErrorEnvelope;
import org.sessionthreads.conformance.refserver.http.Json;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.Later;
import org.sessionthreads.conformance.refserver.lifecycle.MessageDelivery;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.lifecycle.Unblocking;
import org.sessionthreads.conformance.refserver.model.Ids;
import org.sessionthreads.conformance.refserver.publicapi.PublicApi;
import org.sessionthreads.conformance.refserver.store.SessionStore;

/**
 * The embedded reference implementation of the session-thread archive API: a real HTTP server (Javalin on Jetty)
 * with in-memory state, the API under {@code /v1} (including the public creation API of {@link PublicApi}) and the
 * test-only fixture hook under {@code /_fixtures} (unless switched off).
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(token))) {
 *     URI api = server.apiBase();          // http://127.0.0.1:41234/v1
 *     URI hook = server.fixturesUrl();     // http://127.0.0.1:41234/_fixtures
 * }
 * }</pre>
 *
 * Standalone: {@code mvn -q compile exec:java -Dexec.mainClass=…refserver.ReferenceServer -Dexec.args="--port 9000"}
 * (see {@link CommandLine} for the options).
 */
public final class ReferenceServer implements AutoCloseable {
    private final Javalin app;
    private final SessionStore store;
    private final ScheduledExecutorService scheduler;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReferenceServer(Javalin app, SessionStore store, ScheduledExecutorService scheduler, String host) {
        this.app = app;
        this.store = store;
        this.scheduler = scheduler;
        this.host = host;
    }

    /** Starts a server with {@code options}; returns once it accepts connections. */
    public static ReferenceServer start(ServerOptions options) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reference-server-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // why: the one place that decides Variation.OTHER_ID_SHAPES; the shapes themselves are in Ids
        Ids ids = options.varies(Variation.OTHER_ID_SHAPES) ? Ids.OTHER_SHAPES : Ids.STANDARD;
        SessionStore store = new SessionStore(scheduler, ids);
        // why: the one place that decides Variation.CLOCK_BEHIND; every timestamp comes from this clock
        Clock clock = options.varies(Variation.CLOCK_BEHIND) ? Clock.offset(Clock.systemUTC(),
                Duration.ofMinutes(-Variation.CLOCK_BEHIND_MINUTES)) : Clock.systemUTC();
        FaultInjection faults = new FaultInjection(options);
        Later later = new Later(scheduler);
        Unblocking unblocking = faults.unblocking();
        ThreadTransitions transitions = new ThreadTransitions(options, clock, ids, later, unblocking,
                faults.terminatedEvent(later));
        Javalin app = Javalin.create(config -> configure(config, options, store, transitions, unblocking, faults, ids,
                scheduler));
        try {
            app.start();
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        return new ReferenceServer(app, store, scheduler, options.host());
    }

    private static void configure(JavalinConfig config, ServerOptions options, SessionStore store,
                                  ThreadTransitions transitions, Unblocking unblocking, FaultInjection faults, Ids ids,
                                  ScheduledExecutorService scheduler) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.jetty.host = options.host();
        config.jetty.port = options.port();
        Json json = new Json(options);
        ErrorEnvelope envelope = new ErrorEnvelope(options, json);
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorEnvelope(envelope)));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrorEnvelope(envelope)));

        ThreadLookup lookup = new ThreadLookup(store, options);
        ArchiveThread archive = new ArchiveThread(lookup, transitions,
                faults.archive(unblocking, transitions, lookup), options);
        Credentials credentials = faults.credentials(new BearerToken(options.token()), lookup, archive);
        FixtureHook hook = new FixtureHook(delay -> new FixtureSessions(store, transitions,
                new MessageDelivery(transitions, delay, options), delay), store, json, options);
        new ApiRoutes(options, lookup, archive, credentials, json, envelope).install(config.routes,
                options.fixtureHook() ? hook.create() : null, options.fixtureHook() ? hook.delete() : null,
                options.publicApi() ? publicApi(options, store, transitions, ids, scheduler, json) : null);
    }

    /** The public creation API; its scripted coordinator plays the fixture hook's histories into its sessions. */
    private static PublicApi publicApi(ServerOptions options, SessionStore store, ThreadTransitions transitions,
                                       Ids ids, ScheduledExecutorService scheduler, Json json) {
        ScriptedCoordinator coordinator = new ScriptedCoordinator(delay -> new FixtureSessions(store, transitions,
                new MessageDelivery(transitions, delay, options), delay), options.deliverAfter(), scheduler, store);
        return new PublicApi(store, transitions, ids, coordinator, json);
    }

    public int port() {
        return app.port();
    }

    /** Everything before {@code /sessions}, e.g. {@code http://127.0.0.1:41234/v1}. */
    public URI apiBase() {
        return URI.create(origin() + "/v1");
    }

    /** The fixture hook, e.g. {@code http://127.0.0.1:41234/_fixtures}. */
    public URI fixturesUrl() {
        return URI.create(origin() + "/_fixtures");
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /** Ends open streams, cancels pending deliveries and stops the HTTP server. Safe to call twice. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        store.clear();
        scheduler.shutdownNow();
        app.stop();
    }

    /** Command-line entry point; see {@link CommandLine}. Exits with 2 on bad options. */
    public static void main(String[] args) throws InterruptedException {
        CommandLine.Launch launch = new CommandLine(System.getenv(), System.out, System.err).launch(args);
        if (launch.server() == null) {
            if (launch.exitCode() != 0) {
                System.exit(launch.exitCode());
            }
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launch.server()::close, "reference-server-shutdown"));
        launch.server().join();
    }

    private String origin() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + hostPart + ":" + port();
    }
}
