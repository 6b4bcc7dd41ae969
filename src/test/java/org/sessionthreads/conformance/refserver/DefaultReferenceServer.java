package org.sessionthreads.conformance.refserver;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One reference server with default options for a whole test class, stopped after it:
 * {@code @RegisterExtension static final DefaultReferenceServer REFERENCE = new DefaultReferenceServer();}
 */
final class DefaultReferenceServer implements BeforeAllCallback, AfterAllCallback {
    private ReferenceServer server;
    private RefClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RefClient.start(RefClient.options());
        client = new RefClient(server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    RefClient client() {
        return client;
    }

    ReferenceServer server() {
        return server;
    }
}
