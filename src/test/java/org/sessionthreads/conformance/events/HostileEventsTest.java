package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Event channels that misbehave end as an ERROR with a typed cause ({@link EventObservationException}), quickly,
 * never as a MISSING event and never as a hang; a flooded session costs the cursor bounded memory.
 */
class HostileEventsTest {
    private static final Secret TOKEN = Secret.of("ct-hostile-events");
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(8);
    private static final String EMPTY_PAGE = "{\"data\":[],\"has_more\":false,\"last_id\":null}";
    private HttpServer server;
    private FakeEventsTarget fake;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void should_make_a_stream_of_garbage_frames_that_closes_an_error_not_a_missing_event() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        SessionEvents events = serve(EMPTY_PAGE, exchange -> {
            connections.incrementAndGet();
            streamThenClose(exchange, "data: <html><body>502 Bad Gateway</body></html>\n\n");
        });
        EventCursor cursor = events.on(EventChannel.SSE, events.timings()).openFor("sess_h");
        long start = System.nanoTime();

        assertThatThrownBy(() -> cursor.awaitTermination("sthr_x"))
                .isInstanceOfSatisfying(EventObservationException.class, e -> assertThat(e.reason())
                        .isEqualTo(EventObservationException.Cause.EVENT_STREAM_BROKEN))
                .hasMessageStartingWith("event stream broken: ")
                .hasMessageContaining("a frame whose data is not a JSON event: \"<html><body>502 Bad Gateway");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(EVENT_TIMEOUT.dividedBy(2));
        assertThat(connections.get()).as("opened, then resumed before giving up").isBetween(3, 4);
        cursor.close();
    }

    @Test
    void should_make_a_stream_that_closes_at_once_every_time_an_error() throws IOException {
        SessionEvents events = serve(EMPTY_PAGE, exchange -> streamThenClose(exchange, ""));
        EventCursor cursor = events.on(EventChannel.SSE, events.timings()).openFor("sess_h");

        assertThatThrownBy(() -> cursor.awaitFirst(EventMatcher.terminated("sthr_x")))
                .isInstanceOf(EventObservationException.class)
                .hasMessageStartingWith("event stream broken: ").hasMessageContaining("3 times in a row");
        cursor.close();
    }

    @Test
    void should_break_a_stream_whose_line_never_ends_instead_of_filling_the_memory() throws IOException {
        SessionEvents events = serve(EMPTY_PAGE, exchange -> streamThenClose(exchange,
                "data: " + "x".repeat(org.sessionthreads.conformance.client.sse.SseFrameParser.MAX_BYTES + 10)));
        EventCursor cursor = events.on(EventChannel.SSE, events.timings()).openFor("sess_h");

        assertThatThrownBy(() -> cursor.awaitFirst(EventMatcher.terminated("sthr_x")))
                .isInstanceOf(EventObservationException.class).hasMessageStartingWith("event stream broken: ")
                .hasMessageContaining("a line or message longer than 4194304 bytes");
        cursor.close();
    }

    @Test
    void should_make_an_event_list_that_answers_garbage_an_error_quoting_it() throws IOException {
        SessionEvents events = serve("{\"data\":[{\"id\":\"evt_1\",\"type\":\"agent.mess", exchange -> { });

        assertThatThrownBy(() -> events.openFor("sess_h"))
                .isInstanceOfSatisfying(EventObservationException.class, e -> assertThat(e.reason())
                        .isEqualTo(EventObservationException.Cause.EVENT_LIST_UNREADABLE))
                .hasMessageStartingWith("cannot read the event list: GET http://127.0.0.1:")
                .hasMessageContaining("\"{\\\"data\\\":[{\\\"id\\\":\\\"evt_1\\\"");
    }

    @Test
    void should_make_a_list_that_says_has_more_forever_an_error_not_a_hang() throws IOException {
        SessionEvents events = serve("{\"data\":[{\"id\":\"evt_1\",\"type\":\"agent.message\"}],\"has_more\":true,"
                + "\"last_id\":\"evt_1\"}", exchange -> { });

        assertThatThrownBy(() -> events.openFor("sess_h")).isInstanceOf(EventObservationException.class)
                .hasMessageContaining("lists no newer event but says has_more");
    }

    @Test
    void should_keep_bounded_memory_in_a_flooded_session() throws IOException {
        fake = new FakeEventsTarget(1_000, false);
        EventCursor cursor = fake.sessionEvents(FakeEventsTarget.timeouts(Duration.ofSeconds(30), Duration.ZERO,
                Duration.ofSeconds(30)), new EventTimings()).openFor(FakeEventsTarget.SESSION);
        int flood = 20_000;

        cursor.timed(() -> {
            for (int i = 0; i < flood; i++) {
                fake.append("evt_" + i, i % 2 == 0 ? "agent.message" : "session.thread_status_idle", "sthr_other");
            }
            fake.append("evt_t", EventMatcher.THREAD_STATUS_TERMINATED, "sthr_x");
            return "archive answered";
        });
        cursor.awaitTermination("sthr_x");

        assertThat(cursor.kept()).as("events the cursor holds").isLessThanOrEqualTo(SeenEvents.KEEP_ALL_UP_TO + 1);
        assertThat(cursor.all(EventMatcher.terminated("sthr_x"))).hasSize(1);
        assertThat(cursor.tail()).startsWith("last 5 of " + (flood + 1) + " events seen (")
                .contains("not kept").contains("evt_t");
    }

    @Test
    void should_read_a_bounded_number_of_pages_per_read_of_an_endless_list() throws IOException {
        AtomicInteger pages = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/sessions/sess_h/events", exchange -> {
            int n = pages.incrementAndGet();
            byte[] bytes = ("{\"data\":[{\"id\":\"evt_" + n + "\",\"type\":\"agent.message\"}],"
                    + "\"has_more\":true}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        PollingFeed feed = new PollingFeed(new EventsApi(new ApiClient(TOKEN, Duration.ofSeconds(5),
                new Redactor(List.of(TOKEN)), x -> { }), base), "sess_h");

        assertThat(feed.take()).hasSize(PollingFeed.PAGES_PER_READ);
        assertThat(feed.behind()).isTrue();
        assertThat(pages.get()).isEqualTo(PollingFeed.PAGES_PER_READ);
    }

    private SessionEvents serve(String listBody, StreamHandler stream) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/sessions/sess_h/events", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/stream")) {
                stream.handle(exchange);
                return;
            }
            byte[] bytes = listBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Timeouts timeouts = FakeEventsTarget.timeouts(EVENT_TIMEOUT, Duration.ZERO, EVENT_TIMEOUT);
        Redactor redactor = new Redactor(List.of(TOKEN));
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new SessionEvents(new EventsApi(new ApiClient(TOKEN, timeouts.request(), redactor, x -> { }), base),
                new EventStreamApi(new SseClient(TOKEN, timeouts.request(), redactor, x -> { }), base),
                new Waits(timeouts), new EventTimings());
    }

    private static void streamThenClose(HttpExchange exchange, String frames) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(frames.getBytes(StandardCharsets.UTF_8));
        }
    }

    private interface StreamHandler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
