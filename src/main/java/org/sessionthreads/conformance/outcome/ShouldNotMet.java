package org.sessionthreads.conformance.outcome;

import org.opentest4j.TestAbortedException;

/** A SHOULD requirement not met on a profile that neither is strict nor gates on it: a warning. */
public final class ShouldNotMet extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public ShouldNotMet(String message) {
        super(message);
    }
}
