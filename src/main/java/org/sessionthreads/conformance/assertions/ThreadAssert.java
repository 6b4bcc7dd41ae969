package org.sessionthreads.conformance.assertions;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.SessionThread;

/** Assertions on a Session Thread object; {@code context} (the exchange it came from) ends every message. */
public final class ThreadAssert extends AbstractAssert<ThreadAssert, SessionThread> {
    private final String context;

    ThreadAssert(SessionThread actual, String context) {
        super(actual, ThreadAssert.class);
        this.context = context.isEmpty() ? "" : "\n  " + context;
    }

    public ThreadAssert hasId(String expected) {
        return field("id", expected, actual.id());
    }

    public ThreadAssert belongsToSession(String expected) {
        return field("session_id", expected, actual.sessionId());
    }

    public ThreadAssert hasRole(String expected) {
        return field("role", expected, actual.role());
    }

    public ThreadAssert hasStatus(String expected) {
        return field("status", expected, actual.status());
    }

    public ThreadAssert hasStopReasonType(String expected) {
        return field("stop_reason.type", expected, actual.stopReasonType());
    }

    /** archived_at is a timestamp and not earlier than created_at (compared as instants). */
    public ThreadAssert hasArchivedAtNotBeforeCreatedAt() {
        OffsetDateTime archivedAt = instant("archived_at", actual.archivedAt());
        OffsetDateTime createdAt = instant("created_at", actual.createdAt());
        if (archivedAt.isBefore(createdAt)) {
            failWithMessage("Expecting thread %s archived_at not before created_at %s but was %s%s", actual.id(),
                    actual.createdAt(), actual.archivedAt(), context);
        }
        return this;
    }

    /** status, stop_reason, archived_at and updated_at are those of {@code before}: nothing changed. */
    public ThreadAssert isUnchangedSince(SessionThread before) {
        field("status", before.status(), actual.status());
        field("stop_reason", before.stopReason(), actual.stopReason());
        field("archived_at", before.archivedAt(), actual.archivedAt());
        return field("updated_at", before.updatedAt(), actual.updatedAt());
    }

    /** The final state of archive (status, stop_reason, archived_at) matches {@code other}. */
    public ThreadAssert hasSameFinalStateAs(SessionThread other) {
        field("status", other.status(), actual.status());
        field("stop_reason", other.stopReason(), actual.stopReason());
        return field("archived_at", other.archivedAt(), actual.archivedAt());
    }

    private ThreadAssert field(String name, String expected, String value) {
        if (!Objects.equals(expected, value)) {
            failWithMessage("Expecting thread %s to have %s %s but was %s%s", actual.id(), name, quote(expected),
                    quote(value), context);
        }
        return this;
    }

    private OffsetDateTime instant(String name, String value) {
        if (value == null) {
            failWithMessage("Expecting thread %s to have %s set but it was null or absent%s", actual.id(), name,
                    context);
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            failWithMessage("Expecting thread %s %s to be an RFC 3339 timestamp but was %s%s", actual.id(), name,
                    quote(value), context);
            throw new AssertionError("unreachable");
        }
    }

    /** A value in quotes; a long one (a hostile target's) only by its start, escaped. */
    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > BodyText.EXCERPT_CHARS ? BodyText.excerpt(value, -1) : "\"" + value + "\"";
    }
}
