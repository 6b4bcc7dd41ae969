package org.sessionthreads.conformance.events;

import java.util.List;

/**
 * What a feed's plain read ({@link EventFeed#confirm}) had to say before a negative verdict: the events the cursor
 * must take in (those the plain read decided, in the target's order, or those the optimised read only now listed)
 * and a note for the verdict's message (which plain read agreed, or what it showed). A feed that used no shortcut
 * needs no confirmation ({@link #NOT_NEEDED}: no request, no note).
 *
 * @param events   events to take in, oldest first; empty when the plain read agreed
 * @param decided  true when the plain read disagreed with the optimised reads and decides: {@code events} are the
 *                 plain read's, in the target's order
 * @param note     evidence for the verdict's message, empty for {@link #NOT_NEEDED}
 */
record Confirmation(List<Observed> events, boolean decided, String note) {
    static final Confirmation NOT_NEEDED = new Confirmation(List.of(), false, "");

    Confirmation {
        events = List.copyOf(events);
    }

    /** The first three events' {@code brief()}, and how many more. */
    static String briefs(List<Observed> events) {
        String shown = events.stream().limit(3).map(o -> o.event().brief())
                .collect(java.util.stream.Collectors.joining(", "));
        return events.size() > 3 ? shown + " and " + (events.size() - 3) + " more" : shown;
    }

    /** Nothing to take in; {@code note} says which plain read agreed, or why the verdict stands. */
    static Confirmation standing(String note) {
        return new Confirmation(List.of(), false, note);
    }
}
