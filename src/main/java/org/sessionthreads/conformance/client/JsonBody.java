package org.sessionthreads.conformance.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Tolerant JSON access: a body that is not JSON reads as a missing node, never as an exception. */
final class JsonBody {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonBody() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** The text at a path of field names, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            current = current.path(field);
        }
        return current.isValueNode() && !current.isNull() ? current.asString() : null;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
