package org.sessionthreads.conformance.report;

/**
 * The outcome of one requirement (or one scenario invocation), from worst to best. A requirement's verdict is the
 * worst verdict of its invocations.
 */
public enum Verdict {
    /** Transport or harness trouble: the requirement could not be judged. */
    ERROR,
    /** The target broke the requirement. */
    FAIL,
    /** The target broke it, and a waiver that has not expired accepts that. */
    WAIVED,
    /** No fixture strategy could put the target into the needed state. */
    UNTESTABLE,
    /** The profile says the target does not offer the capability, or the scenario was not run. */
    DISABLED,
    /** The target kept the requirement. */
    PASS;

    public Verdict worse(Verdict other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
