package org.sessionthreads.conformance.explore.model;

/** Which thread an archive step names, relative to the sequence's fixture (its session, coordinator and child). */
public enum Target {
    /** The fixture's child, in its own session. */
    CHILD("the child"),
    /** The fixture's coordinator. */
    COORDINATOR("the coordinator"),
    /** The bystander's child (another session's thread) named under the fixture's session. */
    FOREIGN_THREAD("another session's thread under this session"),
    /** A well-formed thread id that does not exist, under the fixture's session. */
    UNKNOWN_THREAD("an unknown thread id"),
    /** The fixture's child under a well-formed session id that does not exist. */
    UNKNOWN_SESSION("the child under an unknown session id"),
    /** A thread id without the {@code sthr_} prefix, under the fixture's session. */
    MALFORMED_THREAD("a malformed thread id"),
    /** The bystander's child in its own session: another thread, legitimately archived. */
    OTHER_SESSION_CHILD("the other session's child");

    private final String words;

    Target(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** True when the model expects 404 whatever the state (the named thread or session does not exist here). */
    public boolean missing() {
        return this == FOREIGN_THREAD || this == UNKNOWN_THREAD || this == UNKNOWN_SESSION
                || this == MALFORMED_THREAD;
    }
}
