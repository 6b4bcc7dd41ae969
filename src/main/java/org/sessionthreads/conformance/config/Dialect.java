package org.sessionthreads.conformance.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One of the three shapes the public docs give the API (api-digest §1–§4, §8), selected as one unit by the
 * {@code dialect} setting: the Session Thread schema, the default readings, whether 409 answers carry an
 * {@code error.code}, and the default of the Idempotency-Key capability. Which requirements a dialect's docs
 * promise is data of the catalogue ({@code dialects:} of each requirement), not of this enum.
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
    ARCHIVE_PAGE("archive-page", "session-thread.schema.json", Map.of(
            "readings.archived_status", "archived",
            "readings.conflict_error_type", "invalid_request_error",
            "readings.rearchive", "either",
            "readings.error_codes", "false",
            "capabilities.idempotency_key", "false")),
    CAS("cas", "session-thread.cas.schema.json", Map.of(
            "readings.archived_status", "terminated",
            "readings.conflict_error_type", Readings.ANY_ERROR_TYPE,
            "readings.rearchive", "either",
            "readings.error_codes", "false",
            "capabilities.idempotency_key", "false")),
    FORWARD("forward", "session-thread.forward.schema.json", Map.of(
            "readings.archived_status", "archived",
            "readings.conflict_error_type", "conflict_error",
            "readings.rearchive", "ok",
            "readings.error_codes", "true",
            "capabilities.idempotency_key", "true"));

    /** The setting's default. */
    public static final Dialect DEFAULT = ARCHIVE_PAGE;

    private final String wireName;
    private final String threadSchema;
    private final Map<String, String> defaults;

    Dialect(String wireName, String threadSchema, Map<String, String> defaults) {
        this.wireName = wireName;
        this.threadSchema = threadSchema;
        this.defaults = defaults;
    }

    /** The value of the {@code dialect} setting, e.g. {@code archive-page}. */
    public String wireName() {
        return wireName;
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
        return defaults;
    }

    /**
     * Whether this dialect's docs document the capability of setting {@code key} (e.g.
     * {@code capabilities.idempotency_key} for {@link #FORWARD}): it is then required by default in this dialect.
     */
    public boolean documents(String key) {
        return "true".equals(defaults.get(key));
    }

    /** Whether this dialect's thread carries {@code role} (archive page, Forward; not the CAS export). */
    public boolean documentsRole() {
        return this != CAS;
    }

    /** Whether this dialect's archived thread carries {@code stop_reason {"type":"archive"}} (not the CAS export). */
    public boolean documentsStopReason() {
        return this != CAS;
    }

    /**
     * The dialect named {@code text} ({@code archive-page}, {@code cas}, {@code forward}; case and {@code _} for
     * {@code -} ignored).
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
}
