package org.sessionthreads.conformance.explore.linear;

/**
 * What an operation answered, as the model reads it: the HTTP status, and the thread's {@code status} and
 * {@code archived_at} as the answer showed them (null when absent). The target's own work answers {@link #SEEN}.
 */
public record ThreadReply(int http, String status, String archivedAt) {
    /** The answer of the target's own work: it was seen in the session's events. */
    public static final ThreadReply SEEN = new ThreadReply(0, null, null);

    @Override
    public String toString() {
        if (http == 0) {
            return "seen in the events";
        }
        return http + (status == null ? "" : " " + status) + (archivedAt == null ? "" : " archived_at " + archivedAt);
    }
}
