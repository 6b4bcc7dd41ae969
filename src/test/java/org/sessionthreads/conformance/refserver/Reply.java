package org.sessionthreads.conformance.refserver;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A raw answer of the reference server. */
record Reply(int status, HttpHeaders headers, String body) {

    JsonNode json() {
        return RefClient.parse(body);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String errorType() {
        return json().get("error").get("type").asString();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
