package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Opens {@link EventCursor}s on a session's events through one {@link EventChannel}. Open the cursor BEFORE
 * acting, so that everything the action causes is after the cursor's mark. An instance bound to a channel (see
 * {@link #on}) belongs to one scenario: closing it closes every cursor it opened (the streams of SSE cursors).
 *
 * <pre>{@code
 * EventCursor events = sessionEvents.openFor(child.sessionId());   // polling or SSE, as the scenario runs
 * }</pre>
 */
public final class SessionEvents implements AutoCloseable {
    private final EventsApi list;
    private final EventStreamApi streams;
    private final Waits waits;
    private final EventTimings timings;
    private final EventChannel channel;
    private final ListCapabilities capabilities;
    private final List<EventCursor> opened = new ArrayList<>();

    /** The run's events facade: polling, timings recorded in {@code timings}. */
    public SessionEvents(EventsApi list, EventStreamApi streams, Waits waits, EventTimings timings) {
        this(list, streams, waits, timings, EventChannel.POLLING, new ListCapabilities());
    }

    private SessionEvents(EventsApi list, EventStreamApi streams, Waits waits, EventTimings timings,
                          EventChannel channel, ListCapabilities capabilities) {
        this.capabilities = capabilities;
        this.list = list;
        this.streams = streams;
        this.waits = waits;
        this.timings = timings;
        this.channel = channel;
    }

    /**
     * A new facade on the same target that reads through {@code newChannel} and records the terminated-event
     * timings of its cursors into {@code into}: a scenario passes timings of its own, so that its measurements are
     * reported as its own (the run adds them up from the scenarios' records); a benchmark or a test that
     * reads one record across channels passes the same timings each time. What the run learnt about the target's
     * list parameters ({@link #capabilities()}) is shared.
     */
    public SessionEvents on(EventChannel newChannel, EventTimings into) {
        return new SessionEvents(list, streams, waits, into, newChannel, capabilities);
    }

    public EventChannel channel() {
        return channel;
    }

    /**
     * A cursor that sees only events appended to the session after this call.
     *
     * <p>Its cost does not grow with the session's history where the target offers the documented list
     * parameters: the mark is found with {@code order=desc&limit=1} (two requests), and the cursor then reads
     * only the {@link EventMatcher#JUDGED_TYPES} ({@code types}), so unrelated events are skipped by the target.
     * Where the target rejects or ignores them (learnt once per run, {@link #capabilities()}) it reads everything,
     * as it always did: slower, never another verdict.
     *
     * @throws EventObservationException when the channel cannot be opened (the list or stream answers an error)
     */
    public EventCursor openFor(String sessionId) {
        return openFor(sessionId, null);
    }

    /**
     * As {@link #openFor(String)}, with {@code lastEventIdHint}: an event id believed to be the session's newest
     * (the fixture hook's {@code last_event_id}). It is confirmed with one request; a stale or unknown hint costs that request only.
     * Once a plain read found a hint the list does not hold, hints are not used for the rest of the run.
     */
    public EventCursor openFor(String sessionId, String lastEventIdHint) {
        String hint = hintsUsable() ? lastEventIdHint : null;
        EventFeed feed;
        if (channel == EventChannel.SSE) {
            feed = SseFeed.open(streams, list, sessionId, capabilities, EventMatcher.JUDGED_TYPES, hint);
        } else {
            PollingFeed polling = pollingFeed(sessionId);
            polling.markEnd(hint);
            feed = polling;
        }
        return register(new EventCursor(feed, channel, waits, timings, sessionId));
    }

    /**
     * A cursor whose mark is {@code eventId}, taken as given: it sends nothing now. Its first read asks for the events
     * after the mark (polling: {@code after_id}; SSE: the stream with {@code Last-Event-ID}), so everything the
     * session got after it is seen, also what happened before that first read. For a mark known without asking
     * the target, the fixture hook's {@code last_event_id}, when the moment between the fixture and the act must
     * stay free of requests.
     *
     * @throws EventObservationException at the first read, when the target refuses the mark (no fallback: reading
     *                                   from another point could lose what happened after the mark)
     */
    public EventCursor placedAfter(String sessionId, String eventId) {
        java.util.Objects.requireNonNull(eventId, "eventId");
        EventFeed feed;
        if (channel == EventChannel.SSE) {
            feed = SseFeed.placed(streams, list, sessionId, capabilities, EventMatcher.JUDGED_TYPES, eventId);
        } else {
            PollingFeed polling = pollingFeed(sessionId);
            polling.placeAfter(eventId);
            feed = polling;
        }
        return register(new EventCursor(feed, channel, waits, timings, sessionId));
    }

    /**
     * A cursor for an act that must follow a fixture at once (an archive that has to beat a queued delivery):
     * {@link #placedAfter} the fixture's {@code lastEventId} when it has one, so that nothing is sent between the
     * fixture's answer and the act; without one (or once a plain read found a hint the list does not hold),
     * {@link #openFor(String)} now, whose mark costs requests (up to three, and the stream's subscription on SSE)
     * that the fixture's window has to cover.
     */
    public EventCursor forTimeCriticalAct(String sessionId, String lastEventId) {
        return lastEventId != null && hintsUsable() ? placedAfter(sessionId, lastEventId) : openFor(sessionId);
    }

    /** False once a plain read found a hint the list does not hold: marks are read from then on. */
    private boolean hintsUsable() {
        return capabilities.of(ListCapabilities.Parameter.LAST_EVENT_ID_HINT).worthTrying();
    }

    private PollingFeed pollingFeed(String sessionId) {
        return new PollingFeed(list, sessionId, capabilities, EventMatcher.JUDGED_TYPES);
    }

    private EventCursor register(EventCursor cursor) {
        synchronized (opened) {
            opened.add(cursor);
        }
        return cursor;
    }

    public Waits waits() {
        return waits;
    }

    /** What the run learnt about the target's optional event-list parameters (shared by every channel). */
    public ListCapabilities capabilities() {
        return capabilities;
    }

    /** The terminated-event timings this facade's cursors recorded (see {@link #on}). */
    public EventTimings timings() {
        return timings;
    }

    /** Closes every cursor this instance opened. */
    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(EventCursor::close);
            opened.clear();
        }
    }
}
