package org.sessionthreads.conformance.refserver.lifecycle;

/** The thread exists but cannot be archived in its current state (the contract's 409 cases). */
public final class ArchiveRejectedException extends RuntimeException {

    /** Why the archive was refused. */
    public enum Reason {
        COORDINATOR,
        NOT_IDLE
    }

    private final Reason reason;

    ArchiveRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
