package org.sessionthreads.conformance.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON bodies against the contract files in {@code schemas/}, which the build copies
 * onto the classpath under {@code schemas/}. The only class that touches com.networknt (R11).
 *
 * <pre>{@code
 * SchemaRegistry registry = new SchemaRegistry();          // share one instance
 * registry.validate(Schemas.SESSION_THREAD, body)           // [] when the body conforms
 * registry.validate(Schemas.ERROR_ENVELOPE, "<html>..")    // [$: body is not JSON: ...]
 * }</pre>
 *
 * <p>Choices:
 * <ul>
 *   <li>Every schema's {@code $id} starts with {@value #ID_BASE}; that prefix is mapped to
 *       {@code classpath:schemas/}, so {@code $ref}s between files resolve offline and nothing is
 *       ever fetched from the network.</li>
 *   <li>{@code format} is an assertion, not just an annotation (draft 2020-12's default): a
 *       {@code date-time} that is not RFC 3339 fails. The schemas also carry a pattern, so they
 *       stay strict in validators that keep the default.</li>
 *   <li>Schemas are compiled once, on first use, and cached. A compiled schema is fully
 *       initialised (all {@code $ref}s loaded) before it is published, so concurrent
 *       {@link #validate} calls only read it.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SchemaRegistry {

    /** The {@code $id} prefix shared by all contract files. */
    public static final String ID_BASE = "https://schemas.sessionthreads.org/conformance/";
    private static final String CLASSPATH_DIR = "schemas/";
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "dependentRequired");

    private final com.networknt.schema.SchemaRegistry networknt = com.networknt.schema.SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_BASE, "classpath:" + CLASSPATH_DIR))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));
    // why: a trailing "garbage" after a complete JSON value is still a broken body
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ConcurrentMap<SchemaRef, Schema> compiled = new ConcurrentHashMap<>();
    private final Object compileLock = new Object();

    /**
     * The registry the suite's assertions use. It holds nothing but compiled copies of the files under
     * {@code schemas/}, which never change during a run, so sharing it is sharing a cache, not state.
     */
    public static SchemaRegistry shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        private static final SchemaRegistry INSTANCE = new SchemaRegistry();
    }

    /**
     * Checks {@code body} against {@code schema}.
     *
     * @return the violations, ordered by pointer; empty when the body conforms. A body that is not
     *         JSON (null, empty, HTML, truncated) yields exactly one violation with keyword
     *         {@link SchemaViolation#NOT_JSON} and message {@code "body is not JSON: <reason>"};
     *         it never throws for a bad body.
     * @throws IllegalStateException when the schema file is missing or does not compile — a
     *         harness defect, not a target failure
     */
    public List<SchemaViolation> validate(SchemaRef schema, String body) {
        Schema compiledSchema = compiled(schema);
        JsonNode instance;
        try {
            instance = parse(body);
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of(new SchemaViolation(schema.file(), "", SchemaViolation.NOT_JSON,
                    "body is not JSON: " + shortReason(e)));
        }
        List<SchemaViolation> violations = new ArrayList<>();
        for (Error error : compiledSchema.validate(instance)) {
            violations.add(toViolation(schema, error));
        }
        violations.sort(Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::keyword));
        return List.copyOf(violations);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty body");
        }
        JsonNode node = json.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("empty body");
        }
        return node;
    }

    private Schema compiled(SchemaRef ref) {
        Schema schema = compiled.get(ref);
        if (schema != null) {
            return schema;
        }
        synchronized (compileLock) {
            return compiled.computeIfAbsent(ref, this::compile);
        }
    }

    private Schema compile(SchemaRef ref) {
        String resource = CLASSPATH_DIR + ref.file();
        if (SchemaRegistry.class.getClassLoader().getResource(resource) == null) {
            throw new IllegalStateException("schema " + ref.file() + " not found: no classpath resource " + resource
                    + " (is the file in the top-level schemas/ directory and the project rebuilt?)");
        }
        try {
            Schema schema = networknt.getSchema(SchemaLocation.of(ref.id()));
            JsonNode declaredId = schema.getSchemaNode().get("$id");
            if (declaredId == null || !ref.id().equals(declaredId.asString())) {
                throw new IllegalStateException("schema " + ref.file() + " must declare \"$id\": \"" + ref.id()
                        + "\" but declares " + declaredId);
            }
            schema.initializeValidators();
            return schema;
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("schema " + ref.file() + " does not compile: " + e.getMessage(), e);
        }
    }

    private static SchemaViolation toViolation(SchemaRef schema, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword();
        if (PROPERTY_KEYWORDS.contains(keyword) && error.getProperty() != null) {
            String property = error.getProperty().replace("~", "~0").replace("/", "~1");
            String message = error.getEvaluationPath().contains("then")
                    ? "required property missing (conditionally required: see the schema's if/then)"
                    : "required property missing";
            return new SchemaViolation(schema.file(), pointer + "/" + property, keyword, message);
        }
        return new SchemaViolation(schema.file(), pointer, keyword, withoutLocation(error.getMessage()));
    }

    private static String pointer(NodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            String name = String.valueOf(location.getElement(i));
            out.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** networknt prefixes messages with the instance location; the violation carries it separately. */
    private static String withoutLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && (message.startsWith("/") || message.startsWith("$") || colon == 0)
                ? message.substring(colon + 2)
                : message;
    }

    /** First clause of the parser message plus where it happened, e.g. "Unexpected character ('<' (code 60)) at line 1, column 1". */
    private static String shortReason(RuntimeException e) {
        if (!(e instanceof JacksonException jackson)) {
            return e.getMessage();
        }
        String reason = String.valueOf(jackson.getOriginalMessage()).lines().findFirst().orElse("");
        for (String tail : List.of(": expected", ": was expecting", ": Unexpected end-of-input", " (for ")) {
            int cut = reason.indexOf(tail);
            reason = cut > 0 ? reason.substring(0, cut) : reason;
        }
        if (reason.length() > 100) {
            reason = reason.substring(0, 97) + "...";
        }
        TokenStreamLocation at = jackson.getLocation();
        return at == null || at.getLineNr() < 0
                ? reason
                : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
