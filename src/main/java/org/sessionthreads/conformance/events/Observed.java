package org.sessionthreads.conformance.events;

import org.sessionthreads.conformance.client.Event;

/** An event and the moment the suite received it ({@link System#nanoTime()}), the basis of every timing verdict. */
public record Observed(Event event, long arrivedNanos) {
}
