package org.sessionthreads.conformance.client.sse;

/**
 * Receives what one {@link SseConnection} reads. Called on the HTTP client's threads, one call at a time per
 * connection, in stream order; implementations must be quick and must not throw.
 */
public interface SseListener {
    /**
     * @param frame        one dispatched message
     * @param receivedNanos {@link System#nanoTime()} when the chunk that completed it arrived
     */
    void onFrame(SseFrame frame, long receivedNanos);

    /** The stream ended without the suite closing it (the server closed it, or the connection failed). */
    default void onEnd(String reason) {
    }
}
