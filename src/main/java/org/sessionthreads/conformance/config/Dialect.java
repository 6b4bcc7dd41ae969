package org.sessionthreads.conformance.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.Readings.Rearchive;

/**
 * One of the documented shapes of the API (api-digest §1–§4, §8), selected as one unit by the {@code dialect}
 * setting. Each constant is the one home of its dialect: its Session Thread schema, the defaults of its readings
 * and of the Idempotency-Key capability, what its thread carries, and its fingerprints (how
 * {@code schema/DialectGuess} recognises its threads and 409s). Which requirements a dialect's docs leave silent
 * is data of the catalogue ({@code dialects:} of a requirement, only where the dialect differs from the entry).
 * Scenarios ask {@link Readings}, never which dialect runs.
 *
 * <ul>
 *   <li>{@link #ARCHIVE_PAGE}: the archive page this suite was built from (spec/archive-thread.txt, old CAS
 *       pages): {@code role}, {@code stop_reason}, status {@code archived}, 409 {@code invalid_request_error},
 *       no Idempotency-Key, re-archive unspecified.</li>
 *   <li>{@link #CAS}: the newer CAS export ({@code .md} pages, {@code threads/*} tree): status {@code terminated}
 *       with {@code archived_at}, no {@code role}/{@code stop_reason}/{@code created_by_tool_use_id}, an agent
 *       snapshot with {@code model} as an object; the 409's error type is not visible (not judged).</li>
 *   <li>{@link #FORWARD}: {@code /api/v1/forward}: {@code template_id} instead of an agent, 409
 *       {@code conflict_error} with an {@code error.code}, Idempotency-Key, re-archive 200 with the current
 *       thread.</li>
 * </ul>
 */
public enum Dialect {
    ARCHIVE_PAGE("archive-page", "the archive page", "session-thread.schema.json",
            new Defaults("archived", "invalid_request_error", Rearchive.EITHER, false, false),
            new Shape(true, true, List.of("not_found_error")),
            Fingerprint.of(f -> f.hasNonNull("role") && f.hasNonNull("agent") && f.has("stop_reason")
                            && !f.has("template_id"),
                    f -> "thread has `role`, `stop_reason` and an `agent` snapshot, no `template_id`"),
            Fingerprint.of(f -> f.text("type").equals("invalid_request_error") && !f.has("code"),
                    f -> "the 409 has error.type `invalid_request_error` and no error.code")),
    CAS("cas", "the newer CAS export", "session-thread.cas.schema.json",
            new Defaults("terminated", Readings.ANY_ERROR_TYPE, Rearchive.EITHER, false, false),
            new Shape(false, false, List.of("not_found_error")),
            Fingerprint.of(f -> !f.hasNonNull("role") && !f.has("stop_reason")
                            && (f.text("status").equals("terminated") || f.has("stats")),
                    f -> "thread has status `" + f.text("status") + "` and no `role` or `stop_reason`"),
            Fingerprint.NONE),
    FORWARD("forward", "the Forward API", "session-thread.forward.schema.json",
            new Defaults("archived", "conflict_error", Rearchive.OK, true, true),
            // why: the Forward pages' session row says not_found (api-digest §8.6), its thread row not_found_error
            new Shape(true, true, List.of("not_found_error", "not_found")),
            Fingerprint.of(f -> f.hasNonNull("template_id") && !f.hasNonNull("agent"),
                    f -> "thread has `template_id` and no `agent`"),
            Fingerprint.of(f -> f.text("type").equals("conflict_error") && f.hasNonNull("code"),
                    f -> "the 409 has error.type `conflict_error` and error.code `" + f.text("code") + "`"));

    /** The setting's default, and the base the catalogue's entries are written for. */
    public static final Dialect DEFAULT = ARCHIVE_PAGE;

    private final String wireName;
    private final String description;
    private final String threadSchema;
    private final Defaults defaults;
    private final Shape shape;
    private final Fingerprint thread;
    private final Fingerprint conflict;

    Dialect(String wireName, String description, String threadSchema, Defaults defaults, Shape shape,
            Fingerprint thread, Fingerprint conflict) {
        this.wireName = wireName;
        this.description = description;
        this.threadSchema = threadSchema;
        this.defaults = defaults;
        this.shape = shape;
        this.thread = thread;
        this.conflict = conflict;
    }

    /** The value of the {@code dialect} setting, e.g. {@code archive-page}. */
    public String wireName() {
        return wireName;
    }

    /** Whose docs the dialect follows, e.g. {@code the Forward API}, for the settings reference. */
    public String description() {
        return description;
    }

    /** The Session Thread schema file under {@code schemas/} for this dialect. */
    public String threadSchema() {
        return threadSchema;
    }

    /**
     * The settings this dialect decides unless the profile (or the environment, a property) sets them: keys as in
     * a profile, values as text.
     */
    public Map<String, String> defaults() {
        return defaults.settings();
    }

    /** What this dialect's thread and error answers carry beyond the settings (read through {@link Readings}). */
    public Shape shape() {
        return shape;
    }

    /** How a thread of this dialect is recognised. */
    public Fingerprint threadFingerprint() {
        return thread;
    }

    /** How a 409 of this dialect is recognised ({@link Fingerprint#NONE} where its docs do not show the type). */
    public Fingerprint conflictFingerprint() {
        return conflict;
    }

    /**
     * Whether this dialect's docs document the capability of setting {@code key} (e.g.
     * {@code capabilities.idempotency_key} for {@link #FORWARD}): it is then required by default in this dialect.
     */
    public boolean documents(String key) {
        return "true".equals(defaults().get(key));
    }

    /**
     * The dialect named {@code text} (a {@link #wireName()}; case and {@code _} for {@code -} ignored).
     *
     * @throws ProfileException naming the known values
     */
    public static Dialect parse(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(d -> d.wireName.equals(normalised)).findFirst()
                .orElseThrow(() -> new ProfileException("dialect must be one of " + names() + "; got '" + text + "'"));
    }

    /** The known values, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Dialect::wireName).collect(Collectors.joining(", "));
    }

    /**
     * The readings a dialect's docs give, the defaults of the settings of the same names.
     *
     * @param idempotencyKey whether its docs document {@code Idempotency-Key} ({@code capabilities.idempotency_key})
     */
    public record Defaults(String archivedStatus, String conflictErrorType, Rearchive rearchive, boolean errorCodes,
                           boolean idempotencyKey) {
        /** As settings: keys as in a profile, values as text. */
        public Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("readings.archived_status", archivedStatus);
            settings.put("readings.conflict_error_type", conflictErrorType);
            settings.put("readings.rearchive", rearchive.name().toLowerCase(Locale.ROOT));
            settings.put("readings.error_codes", String.valueOf(errorCodes));
            settings.put("capabilities.idempotency_key", String.valueOf(idempotencyKey));
            return settings;
        }
    }

    /**
     * What a dialect's answers carry that no setting selects.
     *
     * @param role                     the thread carries {@code role}
     * @param stopReason               an archived thread carries {@code stop_reason {"type":"archive"}}
     * @param missingSessionErrorTypes the error.type values a 404 for an unknown session may carry
     */
    public record Shape(boolean role, boolean stopReason, List<String> missingSessionErrorTypes) {
        public Shape {
            missingSessionErrorTypes = List.copyOf(missingSessionErrorTypes);
        }
    }
}
