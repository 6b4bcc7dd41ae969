package org.sessionthreads.conformance.refserver;

import tools.jackson.databind.JsonNode;

/** The ids a fixture answer of the reference server names, read the one way every refserver test reads them. */
final class FixtureIds {
    private FixtureIds() {
    }

    static String sid(JsonNode fixture) {
        return fixture.get("session_id").asString();
    }

    static String tid(JsonNode fixture) {
        return fixture.get("thread_id").asString();
    }

    static String coordinator(JsonNode fixture) {
        return fixture.get("coordinator_thread_id").asString();
    }
}
