package org.sessionthreads.conformance.explore.model;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.sessionthreads.conformance.client.SessionThread;

/** Comparisons of thread fields as the rules need them: timestamps as instants, a thread in one line. */
final class Fields {
    private Fields() {
    }

    /** Equal timestamps (as instants, any precision and offset), or equal texts when either is not a timestamp. */
    static boolean sameInstant(String a, String b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return instant(a).flatMap(x -> instant(b).map(x::isEqual)).orElse(a.equals(b));
    }

    static Optional<OffsetDateTime> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code application/json} or a structured {@code +json} type, parameters ignored. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json")
                && type.length() > "application/+json".length();
    }

    /** status, stop_reason, archived_at and updated_at of a thread, for "allowed" and "observed" texts. */
    static String brief(SessionThread thread) {
        return thread == null ? "nothing" : "status " + thread.status() + ", stop_reason " + thread.stopReason()
                + ", archived_at " + thread.archivedAt() + ", updated_at " + thread.updatedAt();
    }

    /** Whether a thread shows the archived state of {@code status} (the reading's archived status or archived_at). */
    static boolean looksArchived(SessionThread thread, String archivedStatus) {
        return thread != null && (archivedStatus.equals(thread.status()) || thread.archivedAt() != null);
    }
}
