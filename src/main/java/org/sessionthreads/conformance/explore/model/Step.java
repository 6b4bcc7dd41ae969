package org.sessionthreads.conformance.explore.model;

/**
 * One operation of an exploration sequence: an archive request, or a wait of the settle time before the next
 * step. Reads (GET, the thread list, the events) follow every step as observations; they are not steps.
 */
public sealed interface Step {
    /** The step in words, stable (no ids, no times): what a finding's reproduction lists. */
    String label();

    /** Whether this step is an archive request (the steps the event rules count). */
    default boolean archives() {
        return this instanceof Archive;
    }

    /**
     * {@code POST …/archive} naming {@code target}, authenticated with {@code credential}; {@code keyed}: with the
     * sequence's Idempotency-Key (where the dialect documents it).
     */
    record Archive(Target target, Credential credential, boolean keyed) implements Step {
        public static Archive of(Target target) {
            return new Archive(target, Credential.PROFILE, false);
        }

        @Override
        public String label() {
            return "archive " + target.words() + (credential.valid() ? "" : " with " + credential.words())
                    + (keyed ? " with the sequence's Idempotency-Key" : "");
        }
    }

    /** Idle for the profile's settle time (the target may move on by itself meanwhile). */
    record Wait() implements Step {
        @Override
        public String label() {
            return "wait the settle time";
        }
    }
}
