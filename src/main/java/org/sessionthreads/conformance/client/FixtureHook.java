package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.Map;

/**
 * The target's test-only fixture hook (see docs/fixtures.md, "Fixture hook contract"): {@code POST {url}} with
 * {@code {"kind": K}} (and, for a time-critical act, {@code "window_ms"}) prepares a state;
 * {@code DELETE {url}/{session_id}} releases it.
 */
public final class FixtureHook {
    private final ApiClient client;
    private final URI url;

    public FixtureHook(ApiClient client, URI url) {
        this.client = client;
        this.url = url;
    }

    public ApiResponse create(String kind) {
        return client.send("POST", url, Credentials.profileToken(), JsonBody.write(Map.of("kind", kind)));
    }

    /**
     * {@code POST {url}} with {@code {"kind": K, "window_ms": N}}: the suite needs at least {@code windowMs} between
     * the hook's answer and the request the scenario then sends (a hook that queues a delivery queues it at least
     * that far ahead; one that ignores the field still works).
     */
    public ApiResponse create(String kind, long windowMs) {
        return client.send("POST", url, Credentials.profileToken(),
                JsonBody.write(Map.of("kind", kind, "window_ms", windowMs)));
    }

    public ApiResponse release(String sessionId) {
        return client.send("DELETE", Paths.under(url, sessionId), Credentials.profileToken(), null);
    }

    public URI url() {
        return url;
    }
}
