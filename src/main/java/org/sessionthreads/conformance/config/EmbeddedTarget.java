package org.sessionthreads.conformance.config;

import java.net.URI;
import java.util.Map;

/**
 * A target that the suite can start inside its own JVM (found with ServiceLoader). The suite talks to it over
 * HTTP only, exactly as to a remote URL; this interface is the only link between the harness and an embedded server.
 */
public interface EmbeddedTarget {
    /** Name a profile uses to pick this target, e.g. "reference". */
    String name();

    /**
     * Starts the target on 127.0.0.1 and an ephemeral port.
     * @param token   the only bearer token the target accepts
     * @param options target-specific options from the profile (for the reference server e.g. "faults", "rearchive")
     */
    Running start(String token, Map<String, String> options);

    /** A started target. */
    interface Running extends AutoCloseable {
        /** Base URL of the API: everything before "/sessions", e.g. http://127.0.0.1:41234/v1 */
        URI apiBase();
        /** URL of the fixture hook, e.g. http://127.0.0.1:41234/_fixtures */
        URI fixturesUrl();
        @Override void close();
    }
}
