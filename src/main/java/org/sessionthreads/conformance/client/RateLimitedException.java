package org.sessionthreads.conformance.client;

/**
 * The target kept answering 429 or 503 until the retry budget ({@code retry.budget}, {@code retry.attempts}) was
 * spent. The requirement could not be judged: an ERROR, never a FAIL.
 */
public final class RateLimitedException extends TransportException {
    public RateLimitedException(String message) {
        super(message, null);
    }
}
