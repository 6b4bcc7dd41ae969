package org.sessionthreads.conformance.events;

/**
 * The event list could not be read (an error status or a body that is not a list page). The suite cannot judge
 * the event requirement then: this is an ERROR of the run, not a FAIL.
 */
public class EventObservationException extends RuntimeException {
    public EventObservationException(String message) {
        super(message, null, false, false);
    }
}
