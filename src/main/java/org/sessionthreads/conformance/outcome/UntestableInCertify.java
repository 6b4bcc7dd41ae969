package org.sessionthreads.conformance.outcome;

/**
 * An {@link Untestable} scenario in certify mode: a requirement that cannot be tested is not met, so it fails
 * (JUnit "failed"); its verdict stays UNTESTABLE and it blocks the gate.
 */
public final class UntestableInCertify extends AssertionError {
    private static final long serialVersionUID = 1L;

    public UntestableInCertify(Untestable untestable) {
        super(untestable.getMessage() + " (certify mode: a requirement that cannot be tested is not met)",
                untestable);
    }
}
