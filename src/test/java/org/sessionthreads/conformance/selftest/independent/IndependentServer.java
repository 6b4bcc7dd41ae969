package org.sessionthreads.conformance.selftest.independent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small server of the archive-thread API written from the public docs alone: {@code /v1/sessions/{sid}/threads}
 * (list, GET, archive), {@code /v1/sessions/{sid}/events} (list) and {@code /events/stream} (SSE), Bearer
 * authentication before anything else, the error envelope on every error, and the fixture hook of
 * docs/fixtures.md at {@code /_fixtures}. One {@link Behaviour} chooses how it behaves.
 *
 * <p>Run: {@code INDEPENDENT_SERVER_TOKEN=t java -cp … IndependentServer --port 9000 --behaviour PLAIN}
 * ({@code --list} prints the behaviours).
 */
public final class IndependentServer implements AutoCloseable {
    private static final long HEARTBEAT_MS = 2000;

    private final Behaviour behaviour;
    private final byte[] token;
    private final Wire wire;
    private final SessionStore store;
    private final Pages pages;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicLong answers = new AtomicLong();
    private volatile boolean closed;

    private IndependentServer(Behaviour behaviour, String token, int port) throws IOException {
        this.behaviour = behaviour;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.wire = new Wire(behaviour);
        this.store = new SessionStore(behaviour, wire);
        this.pages = new Pages(behaviour, wire);
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
    }

    public static IndependentServer start(Behaviour behaviour, String token, int port) throws IOException {
        IndependentServer server = new IndependentServer(behaviour, token, port);
        server.http.start();
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public String apiUrl() {
        return baseUrl() + "/v1";
    }

    public String fixturesUrl() {
        return baseUrl() + "/_fixtures";
    }

    @Override
    public void close() {
        closed = true;
        store.close();
        http.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        Behaviour behaviour = Behaviour.PLAIN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--behaviour" -> behaviour = Behaviour.valueOf(args[++i]);
                case "--list" -> {
                    for (Behaviour b : Behaviour.values()) {
                        System.out.println(b + (b.conformant() ? " (conformant; " + b.doc() + ")"
                                : " (fault, breaks " + String.join(", ", b.breaks()) + ")") + ": " + b.description());
                    }
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --port N, --behaviour NAME, --list)");
            }
        }
        String token = System.getenv().getOrDefault("INDEPENDENT_SERVER_TOKEN", System.getenv("CONFORMANCE_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set INDEPENDENT_SERVER_TOKEN (or CONFORMANCE_TOKEN)");
        }
        IndependentServer server = start(behaviour, token, port);
        System.out.println("independent server (" + behaviour + ") at " + server.apiUrl() + ", fixture hook "
                + server.fixturesUrl());
    }

    // ---------------------------------------------------------------------------------------------- routing

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try (InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (behaviour.is(Behaviour.SLOW_ASYNC_EFFECTS)) {
                    SessionStore.pause(ThreadLocalRandom.current().nextLong(100, 300));
                }
                route(ex, body);
            } catch (RuntimeException e) {
                send(ex, new SessionStore.Answer(400, wire.error("invalid_request_error",
                        "Request could not be processed: " + e.getClass().getSimpleName(), "invalid_request")));
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private void route(HttpExchange ex, byte[] body) throws IOException {
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        List<String> path = segments(uri.getRawPath());
        Map<String, List<String>> query = query(uri.getRawQuery());
        boolean archiveRoute = path.size() == 6 && path.get(0).equals("v1") && path.get(1).equals("sessions")
                && path.get(3).equals("threads") && path.get(5).equals("archive");
        if (!authenticated(ex)) {
            if (archiveRoute && method.equals("POST") && behaviour.is(Behaviour.REJECTED_ARCHIVE_QUEUED)) {
                store.archiveQueuedBeforeAuthentication(path.get(2), path.get(4));
            }
            send(ex, new SessionStore.Answer(401, wire.error("authentication_error", "Invalid API key or token.",
                    "authentication_required")));
            return;
        }
        if (path.size() >= 1 && path.get(0).equals("_fixtures")) {
            fixtures(ex, method, path, body);
            return;
        }
        if (path.size() < 3 || !path.get(0).equals("v1") || !path.get(1).equals("sessions")) {
            send(ex, noRoute(uri));
            return;
        }
        String sid = path.get(2);
        String expected = switch (path.size()) {
            case 4 -> path.get(3).equals("threads") || path.get(3).equals("events") ? "GET" : null;
            case 5 -> path.get(3).equals("threads") || path.get(3).equals("events") && path.get(4).equals("stream")
                    ? "GET" : null;
            case 6 -> archiveRoute ? "POST" : null;
            default -> null;
        };
        if (expected == null) {
            send(ex, noRoute(uri));
            return;
        }
        if (!expected.equals(method)) {
            send(ex, new SessionStore.Answer(405, wire.error("invalid_request_error",
                    "Method " + method + " is not allowed here.", "method_not_allowed")));
            return;
        }
        if (archiveRoute) {
            send(ex, store.archive(sid, path.get(4)));
            return;
        }
        SessionStore.Session s = store.session(sid);
        if (s == null) {
            send(ex, new SessionStore.Answer(404, wire.error("not_found_error", "Session '" + sid + "' was not found.",
                    "session_not_found")));
            return;
        }
        if (path.get(3).equals("events")) {
            if (path.size() == 5) {
                stream(ex, s, query);
            } else {
                synchronized (s) {
                    send(ex, pages.page(List.copyOf(s.events), Map.copyOf(s.eventIndex), pages.types(query), query));
                }
            }
            return;
        }
        List<ObjectNode> threads = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        synchronized (s) {
            for (SessionStore.SessionThread t : s.threads.values()) {
                index.put(t.id, threads.size());
                threads.add(store.threadJson(t, true));
            }
            if (path.size() == 5) {
                SessionStore.SessionThread t = s.threads.get(path.get(4));
                send(ex, t == null
                        ? new SessionStore.Answer(404, wire.error("not_found_error",
                                "Session thread '" + path.get(4) + "' was not found.", "thread_not_found"))
                        : new SessionStore.Answer(200, store.threadJson(t, false)));
                return;
            }
        }
        send(ex, pages.page(threads, index, Set.of(), query));
    }

    private void fixtures(HttpExchange ex, String method, List<String> path, byte[] body) throws IOException {
        if (path.size() == 1 && method.equals("POST")) {
            JsonNode request;
            try {
                request = Wire.JSON.readTree(body);
            } catch (RuntimeException e) {
                request = null;
            }
            if (request == null || !request.isObject() || !request.path("kind").isString()) {
                send(ex, new SessionStore.Answer(400, wire.error("invalid_request_error",
                        "Body must be {\"kind\": one of " + SessionStore.KINDS + "}.", "invalid_request")));
                return;
            }
            send(ex, store.fixture(request.get("kind").asString(), request.path("window_ms").asLong(0)));
        } else if (path.size() == 2 && method.equals("DELETE")) {
            store.delete(path.get(1));
            ex.sendResponseHeaders(204, -1);
        } else {
            send(ex, new SessionStore.Answer(405, wire.error("invalid_request_error",
                    "The fixture hook takes POST /_fixtures and DELETE /_fixtures/{session_id}.", "method_not_allowed")));
        }
    }

    private SessionStore.Answer noRoute(URI uri) {
        return new SessionStore.Answer(404, wire.error("not_found_error", "No route for " + uri.getRawPath() + ".",
                "route_not_found"));
    }

    // ---------------------------------------------------------------------------------------------- auth

    private boolean authenticated(HttpExchange ex) {
        List<String> values = ex.getRequestHeaders().get("Authorization");
        if (values == null || values.size() != 1) {
            return false;
        }
        String value = values.get(0).strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        String presented = value.substring(space).replaceFirst("^ +", "");
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        if (behaviour.is(Behaviour.TOKEN_INDEXED_PREFIX)) {
            return bytes.length >= 16 && token.length >= 16
                    && MessageDigest.isEqual(java.util.Arrays.copyOf(bytes, 16), java.util.Arrays.copyOf(token, 16));
        }
        return MessageDigest.isEqual(bytes, token);
    }

    // ---------------------------------------------------------------------------------------------- answers

    private void send(HttpExchange ex, SessionStore.Answer answer) throws IOException {
        byte[] bytes = Wire.JSON.writeValueAsBytes(answer.body());
        boolean quirks = behaviour.is(Behaviour.HTTP_QUIRKS);
        ex.getResponseHeaders().set("Content-Type", quirks ? "application/json; charset=utf-8" : "application/json");
        String requestId = ex.getRequestHeaders().getFirst("x-request-id");
        if (requestId != null) {
            ex.getResponseHeaders().set("x-request-id", requestId);
        }
        if (quirks && answers.incrementAndGet() % 4 == 0) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        ex.sendResponseHeaders(answer.status(), quirks ? 0 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (quirks) {
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                out.flush();
                out.write(bytes, half, bytes.length - half);
            } else {
                out.write(bytes);
            }
        }
    }

    private void stream(HttpExchange ex, SessionStore.Session s, Map<String, List<String>> query) throws IOException {
        Set<String> types = pages.types(query);
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        int position = 0;
        synchronized (s) {
            if (last != null && !last.isBlank()) {
                Integer i = s.eventIndex.get(last.strip());
                if (i == null) {
                    send(ex, new SessionStore.Answer(400, wire.error("invalid_request_error",
                            "Last-Event-ID names no event of this session.", "invalid_last_event_id")));
                    return;
                }
                position = i + 1;
            }
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (!closed) {
            List<ObjectNode> batch;
            synchronized (s) {
                long deadline = System.currentTimeMillis() + HEARTBEAT_MS;
                while (position >= s.events.size() && !s.deleted && !closed) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        s.wait(left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (s.deleted) {
                    return;
                }
                batch = List.copyOf(s.events.subList(position, s.events.size()));
                position = s.events.size();
            }
            StringBuilder frames = new StringBuilder();
            if (batch.isEmpty()) {
                frames.append(": heartbeat\n\n");
            }
            for (ObjectNode e : batch) {
                String type = e.get("type").asString();
                if (types.isEmpty() || types.contains(type)) {
                    frames.append("id: ").append(e.get("id").asString()).append('\n').append("event: ").append(type)
                            .append('\n').append("data: ").append(Wire.JSON.writeValueAsString(e)).append("\n\n");
                }
            }
            out.write(frames.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    // ---------------------------------------------------------------------------------------------- parsing

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
