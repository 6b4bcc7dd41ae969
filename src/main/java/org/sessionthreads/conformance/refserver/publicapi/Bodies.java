package org.sessionthreads.conformance.refserver.publicapi;

import java.util.Optional;
import org.sessionthreads.conformance.refserver.http.ApiException;
import org.sessionthreads.conformance.refserver.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading request bodies of the creation API; every problem is a 400 {@code invalid_request_error} naming it. */
final class Bodies {
    private Bodies() {
    }

    static JsonNode object(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : Json.read(body);
        } catch (JacksonException malformed) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object.");
        }
        return node;
    }

    static String requiredText(JsonNode body, String field) {
        return optionalText(body, field).filter(text -> !text.isBlank())
                .orElseThrow(() -> ApiException.badRequest("'" + field + "' is required and must be a non-empty string."));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw ApiException.badRequest("'" + field + "' must be a string.");
        }
        return Optional.of(node.asString());
    }

    /** An optional object field; {@code null} when absent. */
    static JsonNode optionalObject(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'" + field + "' must be an object.");
        }
        return node;
    }
}
