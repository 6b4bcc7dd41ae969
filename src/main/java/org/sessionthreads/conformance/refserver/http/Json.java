package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.model.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out. Bodies are built as ordered maps (see {@link WireFormat}) rather than annotated classes, so the
 * field order and the explicit {@code null}s of the wire contract are visible in one place; timestamps stay
 * {@link Instant}s until they are written here.
 *
 * <p>Every body the server writes passes through one instance per server, which is where three conformant
 * variations live: {@link Variation#EXTRA_FIELDS} adds unknown fields to every object,
 * {@link Variation#TIMESTAMP_STYLES} writes each timestamp field in its own precision and offset (the same field
 * always in the same style, so equal instants stay equal strings), and {@link Variation#ECHO_CREDENTIALS} echoes
 * the request's {@code Authorization} header in every answer written by {@link #respond}.
 */
public final class Json {
    /** Exactly this value, without a charset parameter, on every JSON response. */
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, DateTimeFormatter> STYLES = Map.of(
            "created_at", style("uuuu-MM-dd'T'HH:mm:ssXXX", ZoneOffset.ofHours(2)),
            "updated_at", style("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", ZoneOffset.UTC),
            "archived_at", style("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", ZoneOffset.ofHours(-5)),
            "processed_at", style("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", ZoneOffset.ofHoursMinutes(5, 30)));

    private final boolean extraFields;
    private final boolean timestampStyles;
    private final boolean echoCredentials;

    public Json(ServerOptions options) {
        this.extraFields = options.varies(Variation.EXTRA_FIELDS);
        this.timestampStyles = options.varies(Variation.TIMESTAMP_STYLES);
        this.echoCredentials = options.varies(Variation.ECHO_CREDENTIALS);
    }

    /** @throws tools.jackson.core.JacksonException when {@code text} is not JSON */
    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, {@code null}, {@link Instant}s) as JSON text. */
    public String write(Object value) {
        return MAPPER.writeValueAsString(render(null, value));
    }

    /** Answers with {@code status} and {@code body} as JSON. */
    public void respond(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE);
        String authorization = ctx.header("Authorization");
        if (echoCredentials && authorization != null && body instanceof Map<?, ?> map) {
            ctx.header("x-echoed-authorization", authorization);
            Map<Object, Object> echoed = new LinkedHashMap<>(map);
            echoed.put("echoed_authorization", authorization);
            body = echoed;
        }
        ctx.result(write(body));
    }

    private Object render(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((name, item) -> object.put(name.toString(), render(name.toString(), item)));
            if (extraFields) {
                object.put("x_vendor_region", "eu-central-1");
                object.put("x_vendor_meta", Map.of("shard", 7, "tags", List.of("beta")));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> render(null, item)).toList();
        }
        if (value instanceof Instant instant) {
            DateTimeFormatter style = timestampStyles ? STYLES.get(key) : null;
            return style == null ? Timestamps.format(instant) : style.format(instant);
        }
        return value;
    }

    private static DateTimeFormatter style(String pattern, ZoneOffset offset) {
        return DateTimeFormatter.ofPattern(pattern).withZone(offset);
    }
}
