package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.sessionthreads.conformance.config.EventChannel;

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

    /**
     * Before a negative verdict: reads the target plainly (the event list with {@code after_id} only: no
     * {@code types}, no hint) and compares it with what this feed's optimised reads showed ("confirm before
     * condemning", docs/event-reading.md). Sends nothing and returns {@link Confirmation#NOT_NEEDED} when the feed
     * used no shortcut that could hide an event.
     *
     * @param known      whether the cursor already holds an event, by id
     * @param probeBound how long a stream replay that checks the stream's own shortcuts may take
     * @throws EventObservationException when the plain read cannot be made (the list is unreadable)
     */
    default Confirmation confirm(Predicate<String> known, Duration probeBound) {
        return Confirmation.NOT_NEEDED;
    }

    /**
     * Before a negative verdict that rests on a sighting: true when this feed's mark came from a hint (the fixture
     * hook's {@code last_event_id}) and a plain read does not show {@code eventId} after it
     * ({@link PlainRead#notShownAfter}), so the sighting says nothing about what followed the mark. False when the
     * mark was found by reading, or the list cannot tell.
     */
    default boolean notShownAfterMark(String eventId) {
        return false;
    }

    /** One line for diagnostics, e.g. "sse, 1 reconnect" or "polling". */
    String describe();

    @Override
    void close();
}
