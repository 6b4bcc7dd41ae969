package org.sessionthreads.conformance.refserver;

import java.net.URI;
import java.util.Map;
import org.sessionthreads.conformance.config.EmbeddedTarget;

/**
 * The reference server as an {@link EmbeddedTarget} named {@code "reference"}, registered in
 * {@code META-INF/services}. The harness reaches the server over HTTP only; this class is the only link.
 *
 * <p>Options (profile keys): {@code faults} (comma-separated {@link Fault} names), {@code variations}
 * (comma-separated {@link Variation} names; {@link Variation#REARCHIVE_CONFLICT} makes a re-archive answer 409),
 * {@code deliver_after_ms} (≥ 300), {@code heartbeat_ms}, {@code fixture_hook}, {@code public_api},
 * {@code event_stream} and {@code idempotency} (each {@code true}|{@code false}), {@code transport_faults}
 * (comma-separated {@link TransportFault} names) and {@code dialect} ({@link ServerDialect}); the keys are
 * {@link ServerOptions}' constants. Unknown keys, unknown faults and bad values are an
 * {@link IllegalArgumentException}.
 */
public final class ReferenceServerTarget implements EmbeddedTarget {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Running start(String token, Map<String, String> options) {
        ServerOptions serverOptions = ServerOptions.defaults(token).withOptions(options == null ? Map.of() : options);
        ReferenceServer server = ReferenceServer.start(serverOptions);
        return new Running() {
            @Override
            public URI apiBase() {
                return server.apiBase();
            }

            @Override
            public URI fixturesUrl() {
                return server.fixturesUrl();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
