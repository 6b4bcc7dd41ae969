package org.sessionthreads.conformance.outcome;

/**
 * A requirement the target broke, counting towards the gate. The message starts with the requirement id and
 * level ({@code COORD-001 (MUST) not met: …}) so every reporter names it; the verdict comes from the type.
 */
public final class RequirementNotMet extends AssertionError {
    private static final long serialVersionUID = 1L;

    public RequirementNotMet(String message, AssertionError failure) {
        super(message, failure.getCause());
        setStackTrace(failure.getStackTrace());
    }
}
