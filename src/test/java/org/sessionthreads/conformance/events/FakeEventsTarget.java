package org.sessionthreads.conformance.events;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.waits.Waits;

/**
 * A scripted events target for one session: an event list in small pages ({@code after_id}, {@code has_more})
 * and an event stream that sends what is after {@code Last-Event-ID} and then drops the connection, every time,
 * so every new event needs a resume. It can also repeat the event named by {@code Last-Event-ID} on resume, as a
 * sloppy server might.
 */
final class FakeEventsTarget implements AutoCloseable {
    static final String SESSION = "sess_fake";
    private static final Secret TOKEN = Secret.of("ct-fake-token");

    private final List<String[]> events = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final int pageSize;
    private final boolean repeatOnResume;
    private final HttpServer server;
    private volatile boolean honourTypes;
    private volatile boolean afterIdWithinTypes;
    private volatile String typedStreamOmits;
    private final List<String> listQueries = new CopyOnWriteArrayList<>();

    FakeEventsTarget(int pageSize, boolean repeatOnResume) throws IOException {
        this.pageSize = pageSize;
        this.repeatOnResume = repeatOnResume;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/sessions/" + SESSION + "/events", this::route);
        server.start();
    }

    /** Appends one event {@code {"id", "type", "session_thread_id"}}. */
    void append(String id, String type, String threadId) {
        events.add(new String[] {id, type, threadId});
    }

    /**
     * From now on the list honours {@code types} and resolves {@code after_id} within the filtered list: an
     * {@code after_id} the filter removes reads as the end of the list (a conformant reading the docs leave open).
     */
    void resolveAfterIdWithinTypes() {
        honourTypes = true;
        afterIdWithinTypes = true;
    }

    /** From now on a stream asked for {@code types} never sends events of {@code type} (replays included). */
    void typedStreamOmits(String type) {
        typedStreamOmits = type;
    }

    /** The query of every list request, in order. */
    List<String> listQueries() {
        return List.copyOf(listQueries);
    }

    /** The {@code Last-Event-ID} of every stream request, "-" when there was none. */
    List<String> lastEventIds() {
        return List.copyOf(lastEventIds);
    }

    SessionEvents sessionEvents(Timeouts timeouts, EventTimings timings) {
        Redactor redactor = new Redactor(List.of(TOKEN));
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        ApiClient api = new ApiClient(TOKEN, timeouts.request(), redactor, exchange -> { });
        SseClient sse = new SseClient(TOKEN, timeouts.request(), redactor, exchange -> { });
        return new SessionEvents(new EventsApi(api, base), new EventStreamApi(sse, base), new Waits(timeouts), timings);
    }

    static Timeouts timeouts(Duration event, Duration quiet, Duration expected) {
        return new Timeouts(event, quiet, Duration.ofSeconds(5), Duration.ofMillis(5), expected);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void route(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/stream")) {
            stream(exchange);
        } else {
            list(exchange);
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        listQueries.add(query);
        String afterId = query.contains("after_id=") ? query.replaceFirst(".*after_id=([^&]*).*", "$1") : null;
        List<String> types = types(query);
        List<String[]> after = after(afterId);
        if (honourTypes && !types.isEmpty()) {
            boolean removed = events.stream().anyMatch(e -> e[0].equals(afterId) && !types.contains(e[1]));
            after = afterIdWithinTypes && removed ? List.of()
                    : after.stream().filter(e -> types.contains(e[1])).toList();
        }
        List<String[]> page = after.subList(0, Math.min(pageSize, after.size()));
        List<String> items = new ArrayList<>();
        page.forEach(e -> items.add(json(e)));
        String body = "{\"data\":[" + String.join(",", items) + "],\"has_more\":" + (after.size() > page.size())
                + ",\"last_id\":" + (page.isEmpty() ? "null" : "\"" + page.get(page.size() - 1)[0] + "\"") + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        lastEventIds.add(lastEventId == null ? "-" : lastEventId);
        StringBuilder frames = new StringBuilder(": connected\n\n");
        if (repeatOnResume && lastEventId != null) {
            events.stream().filter(e -> e[0].equals(lastEventId)).forEach(e -> frames.append(frame(e)));
        }
        boolean typed = !types(String.valueOf(exchange.getRequestURI().getQuery())).isEmpty();
        after(lastEventId).stream().filter(e -> !typed || !e[1].equals(typedStreamOmits))
                .forEach(e -> frames.append(frame(e)));
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> types(String query) {
        List<String> types = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.startsWith("types=")) {
                types.add(java.net.URLDecoder.decode(pair.substring("types=".length()), StandardCharsets.UTF_8));
            }
        }
        return types;
    }

    private List<String[]> after(String id) {
        List<String[]> all = List.copyOf(events);
        if (id == null) {
            return all;
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i)[0].equals(id)) {
                return all.subList(i + 1, all.size());
            }
        }
        return all;
    }

    private static String frame(String[] event) {
        return "id: " + event[0] + "\nevent: " + event[1] + "\ndata: " + json(event) + "\n\n";
    }

    private static String json(String[] event) {
        return "{\"id\":\"" + event[0] + "\",\"type\":\"" + event[1] + "\",\"session_thread_id\":\"" + event[2] + "\"}";
    }
}
