package org.sessionthreads.conformance.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseListener;

/**
 * The harmless requests of the discovery before the scenarios (docs/settings.md#discovery). None of them changes the
 * target: they read, or they send a body no conforming server can act on. Creating and releasing the one probe
 * session goes through {@link FixtureHook}.
 */
public final class DiscoveryRequests {
    /** A session ID that cannot exist, for the questions that need no real session. */
    public static final String UNKNOWN_SESSION = "sess_conformancediscovery";
    /** A fixture kind no hook offers: the hook's answer tells whether it exists without creating anything. */
    public static final String UNKNOWN_KIND = "conformance_discovery_no_such_kind";
    /** A credential that is certainly wrong and has nothing in common with the real token. */
    public static final String WRONG_TOKEN = "Bearer conformance-discovery-wrong-token";

    private final ApiClient client;
    private final SseClient streams;
    private final URI apiBase;
    private final List<Duration> roundTrips = Collections.synchronizedList(new ArrayList<>());

    public DiscoveryRequests(ApiClient client, SseClient streams, URI apiBase) {
        this.client = client;
        this.streams = streams;
        this.apiBase = apiBase;
    }

    /** {@code GET /sessions/{unknown}/threads} with {@code credentials}: 401 for anything but the real token. */
    public ApiResponse listThreadsOfUnknownSession(Credentials credentials) {
        return timed(client.send("GET", Paths.under(apiBase, "sessions", UNKNOWN_SESSION, "threads"), credentials,
                null));
    }

    /** {@code POST {hook}} with a kind no hook offers: 400 when the hook exists, 404/405 when it does not. */
    public ApiResponse unknownFixtureKind(URI hook) {
        return timed(client.send("POST", hook, Credentials.profileToken(),
                JsonBody.write(Map.of("kind", UNKNOWN_KIND))));
    }

    /**
     * {@code POST /agents} with a JSON array as the body, which no creation API can turn into an agent: 400 (or
     * 422) when the API exists, 404/405 when it does not.
     */
    public ApiResponse invalidAgent() {
        return timed(client.send("POST", Paths.under(apiBase, "agents"), Credentials.profileToken(), "[]"));
    }

    /** {@code GET /sessions/{id}/events?limit=N[&after_id=…]}. */
    public ApiResponse events(String sessionId, int limit, String afterId) {
        String query = Paths.param("limit", String.valueOf(limit))
                + (afterId == null ? "" : "&" + Paths.param("after_id", afterId));
        return timed(client.send("GET", Paths.withQuery(Paths.under(apiBase, "sessions", sessionId, "events"),
                query), Credentials.profileToken(), null));
    }

    /**
     * Opens {@code GET /sessions/{id}/events/stream} and closes it at once: only its status and content type are
     * wanted. The returned exchange is the opening request.
     */
    public Exchange openAndCloseStream(String sessionId) {
        SseConnection connection = streams.connect(Paths.under(apiBase, "sessions", sessionId, "events", "stream"),
                null, new SseListener() {
                    @Override
                    public void onFrame(org.sessionthreads.conformance.client.sse.SseFrame frame, long nanos) {
                        // why: the probe reads nothing from the stream
                    }
                });
        connection.close();
        record(connection.exchange());
        return connection.exchange();
    }

    /**
     * How long each answered request of this probe took (its answering attempt, from sending to the answer): the
     * round trips the run's fixture window is computed from.
     */
    public List<Duration> roundTrips() {
        synchronized (roundTrips) {
            return List.copyOf(roundTrips);
        }
    }

    private ApiResponse timed(ApiResponse response) {
        record(response.exchange());
        return response;
    }

    private void record(Exchange exchange) {
        if (exchange != null && exchange.duration() != null && exchange.status() > 0) {
            roundTrips.add(exchange.duration());
        }
    }
}
