package org.sessionthreads.conformance.report.repro;

/**
 * One step of an exploration finding's minimal sequence, as its reproduction sends it: an archive request naming a
 * thread relative to the fixture, with a credential and maybe the sequence's Idempotency-Key, or a wait of the
 * run's settle time. The words are the engine's ({@code label}); the rest is what the script needs to send it.
 */
public sealed interface ReplayStep {
    String label();

    /** {@code POST …/archive} naming {@code target} with {@code credential}; {@code keyed}: with an Idempotency-Key. */
    record Archive(Target target, Credential credential, boolean keyed, String label) implements ReplayStep {
    }

    /** Idle for the run's settle time. */
    record Wait(String label) implements ReplayStep {
    }

    /** The thread an archive step names (as in exploration's model). */
    enum Target {
        CHILD, COORDINATOR, FOREIGN_THREAD, UNKNOWN_THREAD, UNKNOWN_SESSION, MALFORMED_THREAD, OTHER_SESSION_CHILD
    }

    /** How an archive step authenticates (as in exploration's model). */
    enum Credential {
        PROFILE, WRONG_TOKEN, NONE, BASIC, EMPTY_BEARER, X_API_KEY, OTHER_CASE, NEAR_FIRST_CHARACTER,
        NEAR_LAST_CHARACTER, NEAR_TRUNCATED, NEAR_EXTENDED, NEAR_SPACE_INSIDE, NEAR_TAB_INSIDE, WRONG_TOKEN_KEPT_ALIVE
    }
}
