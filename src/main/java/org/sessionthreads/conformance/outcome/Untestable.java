package org.sessionthreads.conformance.outcome;

import org.opentest4j.TestAbortedException;

/** No fixture strategy could provide what a scenario needs. The message lists every strategy and why it declined. */
public final class Untestable extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public Untestable(String message) {
        super(message);
    }
}
