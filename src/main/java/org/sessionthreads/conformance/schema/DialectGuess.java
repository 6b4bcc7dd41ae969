package org.sessionthreads.conformance.schema;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.Fingerprint;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which documented dialect a Session Thread body looks like, from the few fields that tell them apart
 * (api-digest §2a; each {@link Dialect}'s fingerprints): the CAS export's thread has no {@code role} and, once
 * archived, status {@code terminated}; the Forward thread has {@code template_id} and no {@code agent}; the archive
 * page's has {@code role}, {@code stop_reason} and an {@code agent}. Used where a thread fails its dialect's
 * schema, so that a run against a server of another dialect says so in one line instead of a list of schema
 * violations.
 *
 * <pre>{@code
 * DialectGuess.of("{\"status\":\"terminated\",\"archived_at\":\"…\"}")
 *   // Optional[cas: thread has status `terminated` and no `role`]
 * }</pre>
 *
 * @param dialect  the dialect the body looks like
 * @param evidence the fields that say so, for the failure message
 */
public record DialectGuess(Dialect dialect, String evidence) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The dialect {@code body} looks like; empty when it is not a JSON object or matches none clearly. */
    public static Optional<DialectGuess> of(String body) {
        return object(body).flatMap(thread -> guess(thread, Dialect::threadFingerprint));
    }

    /**
     * The dialect a 409 error body looks like, from its {@code error} object (each dialect's
     * {@link Dialect#conflictFingerprint()}); empty where none matches, e.g. for a dialect whose docs do not show
     * the 409's type.
     */
    public static Optional<DialectGuess> ofConflict(String body) {
        return object(body).map(root -> root.path("error")).filter(JsonNode::isObject)
                .flatMap(error -> guess(error, Dialect::conflictFingerprint));
    }

    // why: the fingerprints of the dialects exclude each other, so the first that matches is the only one
    private static Optional<DialectGuess> guess(JsonNode node, Function<Dialect, Fingerprint> fingerprint) {
        Fingerprint.Fields fields = new JsonFields(node);
        return Arrays.stream(Dialect.values()).filter(d -> fingerprint.apply(d).matches().test(fields)).findFirst()
                .map(d -> new DialectGuess(d, fingerprint.apply(d).evidence().apply(fields)));
    }

    private static Optional<JsonNode> object(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return Optional.ofNullable(node).filter(JsonNode::isObject);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private record JsonFields(JsonNode node) implements Fingerprint.Fields {
        @Override
        public boolean has(String field) {
            return node.has(field);
        }

        @Override
        public boolean hasNonNull(String field) {
            return node.hasNonNull(field);
        }

        @Override
        public String text(String field) {
            return node.path(field).asString("");
        }
    }

    /** A guess from a 409 body of another dialect than {@code expected}, or empty. */
    public static Optional<DialectGuess> conflictMismatch(String body, Dialect expected) {
        return ofConflict(body).filter(guess -> guess.dialect() != expected);
    }

    /** A guess of another dialect than {@code expected}, or empty. */
    public static Optional<DialectGuess> mismatch(String body, Dialect expected) {
        return of(body).filter(guess -> guess.dialect() != expected);
    }

    /** The one line for a failure message, naming the setting to change. */
    public String advice() {
        return evidence + ": this looks like the " + dialect.wireName() + " dialect; set dialect: "
                + dialect.wireName();
    }
}
