package org.sessionthreads.conformance.schema;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.config.Dialect;

/**
 * The one place that names the contract files (STYLE R11). Assertions look schemas up through
 * these constants, never through string literals:
 *
 * <pre>{@code
 * List<SchemaViolation> violations = registry.validate(Schemas.SESSION_THREAD, body);
 * }</pre>
 *
 * <p>{@code common.schema.json} has no constant: it only holds {@code $defs} that the others
 * reference by {@code $id}.
 */
public final class Schemas {

    /**
     * The Session Thread object returned by archive, get and list, as the archive page shows it; every other
     * dialect's is {@link #sessionThread(Dialect)}.
     */
    public static final SchemaRef SESSION_THREAD = new SchemaRef("session-thread.schema.json");
    /** The body of every error answer. */
    public static final SchemaRef ERROR_ENVELOPE = new SchemaRef("error-envelope.schema.json");
    /** What every event has in common (id, type, a timestamp). */
    public static final SchemaRef EVENT = new SchemaRef("events/event.schema.json");
    /** The terminated event that archive emits, with {@code stop_reason {"type":"archive"}}. */
    public static final SchemaRef EVENT_THREAD_STATUS_TERMINATED =
            new SchemaRef("events/session.thread_status_terminated.schema.json");
    /** One page of a list endpoint ({@code data}, {@code first_id}, {@code last_id}, {@code has_more}). */
    public static final SchemaRef LIST_PAGE = new SchemaRef("list-page.schema.json");
    /** Request body of the test-only fixture hook. */
    public static final SchemaRef FIXTURE_REQUEST = new SchemaRef("fixture-request.schema.json");
    /** 201 body of the test-only fixture hook. */
    public static final SchemaRef FIXTURE_RESPONSE = new SchemaRef("fixture-response.schema.json");

    /** reports/summary.json, the run's verdicts per requirement. */
    public static final SchemaRef RUN_SUMMARY = new SchemaRef("summary.schema.json");
    /** reports/explore.json, the run's exploration (when it explored). */
    public static final SchemaRef EXPLORATION = new SchemaRef("explore.schema.json");

    private Schemas() {
    }

    /** The Session Thread schema of {@code dialect} (the archive page's is {@link #SESSION_THREAD}). */
    public static SchemaRef sessionThread(Dialect dialect) {
        return new SchemaRef(dialect.threadSchema());
    }

    /** Every constant above and every dialect's thread schema, e.g. to preload or to check that all compile. */
    public static List<SchemaRef> all() {
        Set<SchemaRef> all = new LinkedHashSet<>(List.of(SESSION_THREAD));
        Arrays.stream(Dialect.values()).map(Schemas::sessionThread).forEach(all::add);
        all.addAll(List.of(ERROR_ENVELOPE, EVENT, EVENT_THREAD_STATUS_TERMINATED, LIST_PAGE, FIXTURE_REQUEST,
                FIXTURE_RESPONSE, RUN_SUMMARY, EXPLORATION));
        return List.copyOf(all);
    }
}
