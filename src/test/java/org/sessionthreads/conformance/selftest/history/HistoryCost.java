package org.sessionthreads.conformance.selftest.history;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.Termination;
import org.sessionthreads.conformance.events.TerminationVerdict;
import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * What one EVT-style scenario costs against the reference server: make an {@code idle_child} fixture, open a
 * cursor, archive, find the terminated event. Counts the requests the cursor sends (event list pages and stream
 * connections, not the fixture or the archive) for the test that proves the cost flat and for the benchmark.
 */
final class HistoryCost {
    private static final Secret TOKEN = Secret.of("history-cost-token-7c2e");

    /** The cursor's requests: opening it, and finding the event; the verdict; wall time of the whole. */
    record Cost(int openRequests, int findRequests, TerminationVerdict verdict, Duration wall, String learnt,
                Duration latency) {
        int total() {
            return openRequests + findRequests;
        }
    }

    private HistoryCost() {
    }

    /**
     * Runs the scenario once on a fresh server with {@code variations}.
     *
     * @param useHint pass the fixture hook's {@code last_event_id} to the cursor
     */
    static Cost measure(Set<Variation> variations, EventChannel channel, boolean useHint) {
        ServerOptions options = ServerOptions.defaults(TOKEN.reveal()).withVariations(variations);
        try (ReferenceServer server = ReferenceServer.start(options)) {
            AtomicInteger cursorRequests = new AtomicInteger();
            ExchangeListener counting = exchange -> {
                if (exchange.url().contains("/events")) {
                    cursorRequests.incrementAndGet();
                }
            };
            Timeouts timeouts = new Timeouts(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(30),
                    Duration.ofMillis(20), Duration.ofSeconds(5));
            Redactor redactor = new Redactor(List.of(TOKEN));
            ApiClient api = new ApiClient(TOKEN, timeouts.request(), redactor, counting);
            SseClient sse = new SseClient(TOKEN, timeouts.request(), redactor, counting);
            SessionEvents events = new SessionEvents(new EventsApi(api, server.apiBase()),
                    new EventStreamApi(sse, server.apiBase()), new Waits(timeouts), new EventTimings()).on(channel, new EventTimings());
            ApiResponse fixture = new FixtureHook(api, server.fixturesUrl()).create("idle_child");
            var json = fixture.json();
            ThreadRef child = new ThreadRef(json.path("session_id").asString(), json.path("thread_id").asString());
            String hint = useHint && json.path("last_event_id").isString() ? json.path("last_event_id").asString()
                    : null;
            long start = System.nanoTime();
            int before = cursorRequests.get();
            try (EventCursor cursor = events.openFor(child.sessionId(), hint)) {
                int opened = cursorRequests.get() - before;
                ThreadsApi threads = new ThreadsApi(api, server.apiBase());
                cursor.timed(() -> threads.archive(child));
                int beforeFind = cursorRequests.get();
                Termination termination = cursor.awaitTermination(child.threadId());
                int found = cursorRequests.get() - beforeFind;
                return new Cost(opened, found, termination.verdict(), Duration.ofNanos(System.nanoTime() - start),
                        events.capabilities().describe(), termination.latency());
            } finally {
                events.close();
            }
        }
    }
}
