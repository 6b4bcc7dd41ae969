package org.sessionthreads.conformance.explore.linear;

/**
 * An operation on one thread of a fixture: a client's archive, GET or list read, or the target's own work seen
 * through the session's events (a mailbox delivery to the child, the end of the turn it started).
 *
 * @param kind     what was done
 * @param threadId the thread it was done to (the part of the history it belongs to)
 */
public record ArchiveCall(Kind kind, String threadId) {
    public enum Kind {
        ARCHIVE("archive"), GET("GET"), LIST("list"), COORDINATOR_GET("GET coordinator"),
        DELIVERY("delivery of the pending message"), TURN_END("end of the delivered turn");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** True for the target's own work, which no client invoked. */
        public boolean byTarget() {
            return this == DELIVERY || this == TURN_END;
        }
    }
}
