package org.sessionthreads.conformance.race;

/**
 * An event a round's cursor saw that must not happen, as the evidence quotes it.
 *
 * @param event the event (its id, or its brief)
 * @param since when it arrived, relative to the cursor's mark ({@code EventCursor#since})
 * @param via   the channel that saw it
 */
public record Sighting(String event, String since, String via) {
}
