package org.sessionthreads.conformance.client;

/** Receives every exchange after redaction (reports implement it); must not throw. */
@FunctionalInterface
public interface ExchangeListener {
    void onExchange(Exchange exchange);

    /**
     * One message read from the event stream that the exchange with {@code requestId} opened, already redacted
     * ({@code data} with the token masked); called on the HTTP client's threads, in stream order per stream, and
     * possibly before that exchange itself reaches {@link #onExchange}. Must be quick and must not throw.
     *
     * @param event         the message's {@code event:} field ({@code message} without one)
     * @param id            the stream's last event id when the message was dispatched; null without one
     * @param receivedNanos {@link System#nanoTime()} when the chunk that completed it arrived
     */
    default void onStreamMessage(String requestId, String event, String id, String data, long receivedNanos) {
    }
}
