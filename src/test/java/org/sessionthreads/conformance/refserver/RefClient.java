package org.sessionthreads.conformance.refserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberately plain java.net.http client for the reference server's own tests: raw requests, raw answers,
 * nothing from the harness (the server must be testable on its own).
 */
final class RefClient {
    static final String TOKEN = "refserver-test-token-5d1e8b";
    static final String BEARER = "Bearer " + TOKEN;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String origin;
    private final int port;

    RefClient(ReferenceServer server) {
        this.port = server.port();
        this.origin = "http://127.0.0.1:" + port;
    }

    static ReferenceServer start(ServerOptions options) {
        return ReferenceServer.start(options);
    }

    static ServerOptions options() {
        return ServerOptions.defaults(TOKEN);
    }

    /** Starts a server with {@code options}, runs {@code check} against it through a fresh client, stops it. */
    static void withServer(ServerOptions options, Consumer<RefClient> check) {
        try (ReferenceServer server = start(options)) {
            check.accept(new RefClient(server));
        }
    }

    /** {@link #withServer} with the default {@link #options()} and {@code fault} on. */
    static void withFault(Fault fault, Consumer<RefClient> check) {
        withServer(options().withFault(fault), check);
    }

    String origin() {
        return origin;
    }

    Reply get(String path) {
        return send("GET", path, null, "Authorization", BEARER);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, "Authorization", BEARER);
    }

    /**
     * Any method, any path (sent as is, even when {@link URI} would refuse it), optional body, header name/value
     * pairs.
     */
    Reply send(String method, String path, String body, String... headers) {
        if (!isValidUri(path)) {
            return RawHttp.send(port, method, path, body, headers);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean isValidUri(String path) {
        try {
            URI.create(origin + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Creates a fixture of {@code kind} through the hook; fails unless 201. */
    JsonNode fixture(String kind) {
        Reply reply = post("/_fixtures", "{\"kind\":\"" + kind + "\"}");
        if (reply.status() != 201) {
            throw new IllegalStateException("fixture " + kind + " failed: " + reply);
        }
        return reply.json();
    }

    Reply archive(String sessionId, String threadId) {
        return post("/v1/sessions/" + sessionId + "/threads/" + threadId + "/archive", null);
    }

    Reply archive(JsonNode fixture) {
        return archive(FixtureIds.sid(fixture), FixtureIds.tid(fixture));
    }

    JsonNode thread(String sessionId, String threadId) {
        return get("/v1/sessions/" + sessionId + "/threads/" + threadId).json();
    }

    /** Every event of the session, following {@code next_page} cursors. */
    List<JsonNode> events(String sessionId) {
        List<JsonNode> all = new ArrayList<>();
        String path = "/v1/sessions/" + sessionId + "/events?limit=100";
        while (path != null) {
            JsonNode page = get(path).json();
            page.get("data").forEach(all::add);
            path = page.get("has_more").asBoolean()
                    ? "/v1/sessions/" + sessionId + "/events?limit=100&page=" + page.get("next_page").asString()
                    : null;
        }
        return all;
    }

    long countEvents(String sessionId, Predicate<JsonNode> which) {
        return events(sessionId).stream().filter(which).count();
    }

    static Predicate<JsonNode> ofType(String type, String threadId) {
        return event -> event.get("type").asString().equals(type)
                && event.get("session_thread_id").asString().equals(threadId);
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }
}
