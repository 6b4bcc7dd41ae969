package org.sessionthreads.conformance.client.sse;

/**
 * One dispatched Server-Sent Events message: what a blank line completes.
 *
 * @param id    the stream's last event id when the message was dispatched (it persists across messages, as in
 *              the EventSource algorithm); null while no {@code id:} line has been read
 * @param event the {@code event:} field, {@code "message"} when the message had none
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseFrame(String id, String event, String data) {
}
