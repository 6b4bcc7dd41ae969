package org.sessionthreads.conformance.refserver.model;

import java.util.Locale;

/**
 * The statuses a thread can have on this server. {@code BLOCKED} is a coordinator waiting for a child's result
 * through the {@code Agent} tool; {@code ARCHIVED} is terminal.
 */
public enum ThreadStatus {
    IDLE,
    RUNNING,
    BLOCKED,
    ARCHIVED;

    /** The value of the {@code status} field. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
