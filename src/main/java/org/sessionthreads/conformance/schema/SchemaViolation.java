package org.sessionthreads.conformance.schema;

import java.util.Objects;

/**
 * One way a JSON body breaks a schema.
 *
 * <p>{@code toString()} is the failure-message form (STYLE R11):
 * {@code $.archived_at: required property missing (keyword required, schema session-thread.schema.json)}.
 *
 * @param schema  the schema file the body was checked against, e.g. {@code session-thread.schema.json}
 * @param pointer RFC 6901 JSON Pointer to the offending value: {@code ""} for the whole body,
 *                {@code "/agent/id"} for a nested one. For a missing property ({@code required})
 *                it points at the property that should be there, not at its parent.
 * @param keyword the schema keyword that failed ({@code required}, {@code pattern}, {@code const}, ...),
 *                or {@link #NOT_JSON} when the body could not be parsed at all
 * @param message what is wrong, without the location
 */
public record SchemaViolation(String schema, String pointer, String keyword, String message) {

    /** Keyword used when the body is not JSON (empty, HTML, truncated...), so no schema keyword ran. */
    public static final String NOT_JSON = "json";

    public SchemaViolation {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The pointer in the {@code $.a.b[0]} notation used in failure messages: {@code $} for the
     * root, {@code ['odd key']} for names that are not plain identifiers, {@code [n]} for
     * all-digit segments (arrays; a property literally named "0" renders the same way).
     */
    public String path() {
        StringBuilder out = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return out.toString();
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (token.matches("\\d+")) {
                out.append('[').append(token).append(']');
            } else if (token.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                out.append('.').append(token);
            } else {
                out.append("['").append(token.replace("'", "\\'")).append("']");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return path() + ": " + message + " (keyword " + keyword + ", schema " + schema + ")";
    }
}
