package org.sessionthreads.conformance.client;

/**
 * The target stopped answering ({@code limits.unanswered} consecutive requests without an answer): every request
 * from then on fails at once with this, and every remaining scenario is an ERROR with its one line, so a dead or
 * hanging target ends the run in about one request deadline instead of holding it for one deadline per request.
 */
public final class TargetStoppedAnsweringException extends TransportException {
    public TargetStoppedAnsweringException(String message) {
        super(message, null);
    }
}
