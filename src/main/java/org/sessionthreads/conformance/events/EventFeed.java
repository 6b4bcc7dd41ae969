package org.sessionthreads.conformance.events;

import java.util.List;

/**
 * Where an {@link EventCursor} gets events from: one implementation per {@link EventChannel}. A feed starts at
 * the moment it was opened (the cursor's mark) and hands out each event it receives once, in the target's order;
 * the cursor de-duplicates by id on top, so a feed may repeat an event after a resume without harm.
 */
interface EventFeed extends AutoCloseable {
    /**
     * The events received since the last call, oldest first. Polling reads the list here; a stream only drains
     * what its connection delivered (and resumes a dropped connection first).
     *
     * @throws EventObservationException when the target's events cannot be read any more
     */
    List<Observed> take();

    /** True when the last {@link #take()} stopped at its bound with more already listed (polling only). */
    default boolean behind() {
        return false;
    }

    /** One line for diagnostics, e.g. "sse, 1 reconnect" or "polling". */
    String describe();

    @Override
    void close();
}
