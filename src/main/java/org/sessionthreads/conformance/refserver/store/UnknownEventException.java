package org.sessionthreads.conformance.refserver.store;

/** A client named an event id ({@code after_id}, a page cursor, {@code Last-Event-ID}) that is not in the list. */
public final class UnknownEventException extends RuntimeException {

    public UnknownEventException(String eventId) {
        super("Event '" + eventId + "' is not part of this event list.");
    }
}
