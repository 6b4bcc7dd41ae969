package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out. Bodies are built as ordered maps (see {@link WireFormat}) rather than annotated classes, so the
 * field order and the explicit {@code null}s of the wire contract are visible in one place.
 */
public final class Json {
    /** Exactly this value, without a charset parameter, on every JSON response. */
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** @throws tools.jackson.core.JacksonException when {@code text} is not JSON */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    /** Answers with {@code status} and {@code body} as JSON. */
    public static void respond(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(write(body));
    }
}
