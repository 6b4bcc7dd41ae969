package org.sessionthreads.conformance.outcome;

import org.opentest4j.TestAbortedException;

/** A failed requirement covered by a valid waiver; the message names the waiver and the failure. */
public final class Waived extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    public Waived(String message) {
        super(message);
    }
}
