package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.Map;

/**
 * The target's test-only fixture hook (see docs/fixtures.md, "Fixture hook contract"): {@code POST {url}} with
 * {@code {"kind": K}} prepares a state; {@code DELETE {url}/{session_id}} releases it.
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

    public ApiResponse release(String sessionId) {
        return client.send("DELETE", Paths.under(url, sessionId), Credentials.profileToken(), null);
    }

    public URI url() {
        return url;
    }
}
