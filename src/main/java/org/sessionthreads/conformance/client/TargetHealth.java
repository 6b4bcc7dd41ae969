package org.sessionthreads.conformance.client;

/**
 * Counts consecutive requests without an answer across the whole run (both HTTP doors share one). After
 * {@code limit} of them in a row the target counts as stopped answering, for good: {@link #check()} then throws
 * {@link TargetStoppedAnsweringException} naming the last unanswered request. Any answer (whatever its status)
 * resets the count. Thread-safe: scenarios run in parallel.
 */
public final class TargetHealth {
    private final int limit;
    private int unansweredInARow;
    private String stopped;

    public TargetHealth(int limit) {
        this.limit = limit;
    }

    /** A health that never gives up (unit tests, one-off clients). */
    public static TargetHealth unlimited() {
        return new TargetHealth(Integer.MAX_VALUE);
    }

    /** @throws TargetStoppedAnsweringException once the target has stopped answering */
    public synchronized void check() {
        if (stopped != null) {
            throw new TargetStoppedAnsweringException(stopped);
        }
    }

    public synchronized void answered() {
        if (stopped == null) {
            unansweredInARow = 0;
        }
    }

    /**
     * Records {@code failure}; returns the exception to throw: {@code failure} itself, or the
     * {@link TargetStoppedAnsweringException} when this one reached the limit.
     */
    public synchronized TransportException unanswered(NoAnswerException failure) {
        if (stopped == null && ++unansweredInARow >= limit) {
            stopped = "target stopped answering: " + unansweredInARow + " consecutive requests without an answer"
                    + " (last: " + failure.requestAndWhy() + "); remaining scenarios not run";
        }
        return stopped == null ? failure : new TargetStoppedAnsweringException(stopped);
    }
}
