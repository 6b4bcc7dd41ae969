package org.sessionthreads.conformance.refserver.model;

/** A thread's place in a session: exactly one coordinator, any number of children created by its tool calls. */
public enum ThreadRole {
    COORDINATOR,
    CHILD;

    /** The value of the {@code role} field. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
