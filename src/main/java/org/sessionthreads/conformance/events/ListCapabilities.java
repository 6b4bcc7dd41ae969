package org.sessionthreads.conformance.events;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the run has learnt about the target's optional event-list parameters, shared by every cursor of the run
 * (thread-safe). Each one starts {@link Support#UNTRIED} and is learnt lazily, by the first cursor that uses it,
 * from what the target answered: a 400 to it is {@link Support#REJECTED}, an answer that shows it was not applied
 * (an older event to {@code order=desc}, an event of another type to {@code types}) is {@link Support#IGNORED}.
 * Either way later cursors stop sending it and read in full: a missing feature costs time, never a verdict,
 * because every page is still checked client-side. Only evidence changes the state; {@link Support#WORKS} is
 * never downgraded by an ambiguous answer.
 */
public final class ListCapabilities {
    /** The optional parameters the cursors use. */
    public enum Parameter {
        /** {@code order=desc&limit=1} on the event list, to find the newest event without reading the rest. */
        NEWEST_FIRST,
        /** {@code types=…} on the event list, to skip unrelated events. */
        LIST_TYPES,
        /** {@code types=…} on the event stream. */
        STREAM_TYPES
    }

    /** What is known about one parameter. */
    public enum Support {
        UNTRIED, WORKS, IGNORED, REJECTED;

        /** True unless the target was seen to reject or ignore it. */
        public boolean worthTrying() {
            return this == UNTRIED || this == WORKS;
        }
    }

    private final Map<Parameter, Support> known = new EnumMap<>(Parameter.class);

    public synchronized Support of(Parameter parameter) {
        return known.getOrDefault(parameter, Support.UNTRIED);
    }

    /** Records that the target honoured {@code parameter} (unless it was already seen not to). */
    synchronized void works(Parameter parameter) {
        known.putIfAbsent(parameter, Support.WORKS);
    }

    /** Records that the target rejected or ignored {@code parameter}; later cursors read without it. */
    synchronized void lacks(Parameter parameter, Support how) {
        known.put(parameter, how);
    }

    /** One line for reports, e.g. {@code NEWEST_FIRST=WORKS, LIST_TYPES=IGNORED}. */
    public synchronized String describe() {
        return known.isEmpty() ? "nothing tried" : known.toString();
    }
}
