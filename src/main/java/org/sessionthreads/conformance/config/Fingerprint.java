package org.sessionthreads.conformance.config;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a body of one dialect is recognised (see {@code schema/DialectGuess}): a test over a few fields of a JSON
 * object and the evidence that names them, for the one-line advice of a failure.
 *
 * <pre>{@code
 * Fingerprint.of(f -> f.hasNonNull("template_id") && !f.hasNonNull("agent"),
 *         f -> "thread has `template_id` and no `agent`")
 * }</pre>
 *
 * @param matches  whether the object looks like the dialect's
 * @param evidence the fields that say so, e.g. {@code thread has `template_id` and no `agent`}
 */
public record Fingerprint(Predicate<Fields> matches, Function<Fields, String> evidence) {
    /** A fingerprint no body matches: the dialect's docs leave nothing to tell it by. */
    public static final Fingerprint NONE = new Fingerprint(fields -> false, fields -> "");

    public static Fingerprint of(Predicate<Fields> matches, Function<Fields, String> evidence) {
        return new Fingerprint(matches, evidence);
    }

    /** The fields of the JSON object being recognised (a thread, or the {@code error} of an error envelope). */
    public interface Fields {
        /** The field is there, null or not. */
        boolean has(String field);

        /** The field is there and not null. */
        boolean hasNonNull(String field);

        /** The field's text, or {@code ""}. */
        String text(String field);
    }
}
