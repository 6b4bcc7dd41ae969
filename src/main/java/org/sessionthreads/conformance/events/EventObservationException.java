package org.sessionthreads.conformance.events;

/**
 * The target's events could not be observed: the event list answered an error or a body that is not a list page,
 * or the event stream was refused or broken (garbage frames, dropped and not resumable). The suite cannot judge
 * the event requirement then: this is an ERROR of the scenario, never a FAIL and never a MISSING event. The
 * message starts with the cause's {@link Cause#text()}, e.g. {@code event stream broken: …}.
 */
public class EventObservationException extends RuntimeException {
    /** Why the events could not be observed. */
    public enum Cause {
        /** The event list answered an error status or a body that is not a list page, or it does not advance. */
        EVENT_LIST_UNREADABLE("cannot read the event list"),
        /** The event stream answered something other than 200 when it was opened. */
        EVENT_STREAM_REFUSED("cannot open the event stream"),
        /** The event stream sent frames that are not events, or dropped and could not be resumed. */
        EVENT_STREAM_BROKEN("event stream broken");

        private final String text;

        Cause(String text) {
            this.text = text;
        }

        /** The words every message of this cause starts with. */
        public String text() {
            return text;
        }
    }

    private final Cause cause;

    public EventObservationException(Cause cause, String detail) {
        super(cause.text() + ": " + detail, null, false, false);
        this.cause = cause;
    }

    /** The typed cause (not {@link #getCause()}, which is the Java exception chain and stays empty). */
    public Cause reason() {
        return cause;
    }
}
