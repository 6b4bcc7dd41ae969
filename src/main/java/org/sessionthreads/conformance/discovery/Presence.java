package org.sessionthreads.conformance.discovery;

/** What discovery saw of one capability. */
public enum Presence {
    /** The target visibly offers it. */
    PRESENT,
    /** The target visibly lacks it (404/405 where it would be, or the wrong kind of answer). */
    ABSENT,
    /** The harmless requests cannot tell (no session to probe with, token refused, not discoverable). */
    UNKNOWN
}
