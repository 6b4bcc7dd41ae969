package org.sessionthreads.conformance.events;

import org.sessionthreads.conformance.client.Event;

/**
 * An event and when the suite learnt of it ({@link System#nanoTime()}), the basis of every timing verdict.
 *
 * @param arrivedNanos     when the suite received it (the end of the read that listed it, or the stream frame)
 * @param absentUntilNanos the latest moment the suite knows the event was not there yet: for the event list, when
 *                         the last read that reached the list's end without it went out; for a stream frame, its
 *                         arrival. Between the two the event appeared, and the suite cannot tell when: a read
 *                         refused with 429 and retried after its {@code Retry-After}, a client waiting on its
 *                         caps or on a loaded machine. So lateness is judged from here (proven absent after the
 *                         deadline), never from the arrival, and a slow client is never charged to the target.
 */
public record Observed(Event event, long arrivedNanos, long absentUntilNanos) {

    /** An event whose arrival is the moment it could first be seen (a stream frame). */
    public Observed(Event event, long arrivedNanos) {
        this(event, arrivedNanos, arrivedNanos);
    }
}
