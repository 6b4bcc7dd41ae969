package org.sessionthreads.conformance.audit;

/**
 * One broken invariant and its evidence: one line naming the session, the thread and the events or answers (with
 * their ids and times) that show it.
 */
public record Violation(Invariant invariant, String evidence) {

    /** The catalogue requirement the violation fails. */
    public String requirement() {
        return invariant.requirement();
    }
}
