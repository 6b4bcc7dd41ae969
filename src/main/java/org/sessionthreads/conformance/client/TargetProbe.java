package org.sessionthreads.conformance.client;

import java.net.URI;

/** Checks once, before any scenario, that the target answers HTTP at all. */
public final class TargetProbe {
    private TargetProbe() {
    }

    /**
     * Sends one harmless GET for a session that cannot exist. Any HTTP answer means reachable.
     *
     * @throws TransportException when nothing answers
     */
    public static void requireReachable(ApiClient client, URI apiBase) {
        client.send("GET", Paths.under(apiBase, "sessions", "sess_conformanceprobe", "threads"),
                Credentials.profileToken(), null);
    }
}
