package org.sessionthreads.conformance.audit;

import java.util.Objects;

import org.sessionthreads.conformance.client.SessionThread;

/**
 * The fields of a Session Thread the audit judges, as one read (GET or the list) showed them.
 *
 * @param stopReason {@code stop_reason} as JSON text ("null" when null, "absent" when missing)
 */
public record ThreadView(String id, String role, String status, String stopReason, String stopReasonType,
                         String archivedAt) {

    public static ThreadView of(SessionThread thread) {
        return new ThreadView(thread.id(), thread.role(), thread.status(), thread.stopReason(),
                thread.stopReasonType(), thread.archivedAt());
    }

    /** Status, stop_reason and archived_at alike (archived_at compared as an instant). */
    public boolean sameState(ThreadView other) {
        return Objects.equals(status, other.status) && Objects.equals(stopReason, other.stopReason)
                && Evidence.sameInstant(archivedAt, other.archivedAt);
    }

    /** {@code status archived, stop_reason {"type":"archive"}, archived_at 2025-…}: what evidence quotes. */
    public String state() {
        return "status " + status + ", stop_reason " + stopReason + ", archived_at " + archivedAt;
    }
}
