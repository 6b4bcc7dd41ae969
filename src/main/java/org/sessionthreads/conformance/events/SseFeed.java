package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseFrame;
import org.sessionthreads.conformance.client.sse.SseListener;

/**
 * The SSE channel: the session's event stream, subscribed when the cursor opens (before the scenario acts), or, for
 * a feed {@link #placed} after a known event, at its first read with that event as {@code Last-Event-ID}. The
 * connection's thread queues each message with its arrival time; {@link #take()} drains the queue on the test's
 * thread. A dropped connection is resumed there too, with {@code Last-Event-ID} set to the last id the stream
 * delivered, so the target replays exactly what was missed; if the stream dropped before delivering anything,
 * the anchor (the last event listed when the cursor opened) is used, so nothing is lost either way. Repeats after a
 * resume are removed by the cursor's de-duplication.
 *
 * <p>A hostile stream ends as an ERROR ({@link EventObservationException.Cause#EVENT_STREAM_BROKEN}), never as a
 * hang and never as a MISSING event: a frame whose data is not a JSON object breaks its connection (it is closed
 * and resumed), and after {@value #RESUME_ATTEMPTS} connections in a row that broke or ended without delivering
 * anything (no event, no comment), or {@value #RESUME_ATTEMPTS} refused resumes, the feed gives up. The feed does
 * not fall back to polling: the scenario is about this channel, and polling it instead would hide the break.
 */
final class SseFeed implements EventFeed {
    /** Consecutive failed resumes after which the stream counts as unreadable (an ERROR, not a FAIL). */
    private static final int RESUME_ATTEMPTS = 3;

    private final EventStreamApi streams;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final java.util.Set<String> types;
    /** True while the stream is asked for {@link #types} only; cleared once the target refuses or ignores it. */
    private volatile boolean filtered;
    private final Queue<Observed> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile String dropReason;
    private volatile long droppedNanos;
    private SseConnection connection;
    private String resumeFrom;
    private int resumes;
    private int failedResumes;
    /** Connections in a row that broke (garbage) or ended having delivered nothing; reset by a delivered event. */
    private final AtomicInteger unproductive = new AtomicInteger();
    private volatile boolean deliveredOnCurrent;
    private boolean closed;

    private SseFeed(EventStreamApi streams, String sessionId, ListCapabilities capabilities,
                    java.util.Set<String> types) {
        this.streams = streams;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = java.util.Set.copyOf(types);
        this.filtered = !types.isEmpty()
                && capabilities.of(ListCapabilities.Parameter.STREAM_TYPES).worthTrying();
    }

    /**
     * Subscribes to the session's stream. The anchor comes from the event list when it answers (best effort: a
     * target that only streams still works); the stream is then opened after it, so it starts exactly at the mark.
     *
     * @throws EventObservationException when the target refuses the stream
     */
    static SseFeed open(EventStreamApi streams, EventsApi list, String sessionId) {
        return open(streams, list, sessionId, new ListCapabilities(), java.util.Set.of(), null);
    }

    /**
     * As {@link #open(EventStreamApi, EventsApi, String)}, finding the anchor cheaply ({@link PollingFeed#markEnd},
     * with {@code hint}) and asking the stream for {@code types} only while the target is not known to lack it
     * (a 400 to it reconnects without; an event of another type shows it is ignored).
     */
    static SseFeed open(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                        java.util.Set<String> types, String hint) {
        SseFeed feed = new SseFeed(streams, sessionId, capabilities, types);
        feed.resumeFrom = anchor(list, sessionId, capabilities, hint);
        feed.connection = feed.subscribe(true);
        return feed;
    }

    /**
     * A feed placed after {@code eventId}, taken as given: nothing is sent now. The first {@link #take()} subscribes
     * with {@code Last-Event-ID: eventId}, so the stream replays everything after the mark and goes on live. A
     * stream that refuses that id (400) is EVENT_STREAM_REFUSED: going live instead would lose what happened
     * between the mark and the subscription.
     */
    static SseFeed placed(EventStreamApi streams, String sessionId, ListCapabilities capabilities,
                          java.util.Set<String> types, String eventId) {
        SseFeed feed = new SseFeed(streams, sessionId, capabilities, types);
        feed.resumeFrom = eventId;
        return feed;
    }

    /**
     * Subscribes after {@link #resumeFrom}: without the type filter when the target refuses it, and, when
     * {@code liveWhenRefused}, live from now when the target refuses the id.
     */
    private SseConnection subscribe(boolean liveWhenRefused) {
        SseConnection first = connect(resumeFrom);
        if (!subscribed(first) && filtered && first.exchange().status() == 400) {
            capabilities.lacks(ListCapabilities.Parameter.STREAM_TYPES, ListCapabilities.Support.REJECTED);
            filtered = false; // why: a target that refuses the filter on its stream; every type, then
            first.close();
            first = connect(resumeFrom);
        }
        if (!subscribed(first) && resumeFrom != null && first.exchange().status() == 400) {
            if (!liveWhenRefused) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_REFUSED,
                        "the stream refused Last-Event-ID " + resumeFrom + ", the cursor's mark: "
                                + first.exchange().summary() + " " + excerpt(first.exchange().responseBody()));
            }
            resumeFrom = null; // why: a target whose stream ids differ from its list ids; live from now
            first = connect(null);
        }
        if (!subscribed(first)) {
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_REFUSED,
                    first.exchange().summary() + " " + excerpt(first.exchange().responseBody()));
        }
        return first;
    }

    @Override
    public List<Observed> take() {
        if (connection == null && !closed) {
            connection = subscribe(false); // a placed feed subscribes at its first read
        }
        if (dropReason != null && !closed) {
            resume();
        }
        List<Observed> drained = new ArrayList<>();
        for (Observed next = received.poll(); next != null; next = received.poll()) {
            drained.add(next);
        }
        return drained;
    }

    @Override
    public String describe() {
        return EventChannel.SSE.wireName() + (resumes == 0 ? "" : ", resumed " + resumes + "× with Last-Event-ID")
                + (dropReason == null ? "" : ", dropped: " + dropReason);
    }

    @Override
    public void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }

    private void resume() {
        Duration retry = connection.retry().orElse(Duration.ZERO);
        if (System.nanoTime() - droppedNanos < retry.toNanos()) {
            return; // why: the server asked for this delay with retry:; the next take() tries again
        }
        String delivered = connection.lastEventId();
        resumeFrom = delivered != null ? delivered : resumeFrom;
        String reason = dropReason;
        if (!deliveredOnCurrent && connection.comments() == 0
                && unproductive.incrementAndGet() >= RESUME_ATTEMPTS) {
            connection.close();
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_BROKEN,
                    "the stream of session " + sessionId + " broke or ended without delivering an event "
                            + RESUME_ATTEMPTS + " times in a row; last: " + reason);
        }
        connection.close();
        dropReason = null;
        try {
            SseConnection next = connect(resumeFrom);
            if (subscribed(next)) {
                connection = next;
                resumes++;
                failedResumes = 0;
                return;
            }
            failed(reason, next.exchange().summary() + " " + excerpt(next.exchange().responseBody()));
        } catch (TransportException e) {
            failed(reason, e.getMessage());
        }
    }

    private void failed(String reason, String why) {
        dropReason = reason;
        droppedNanos = System.nanoTime();
        if (++failedResumes >= RESUME_ATTEMPTS) {
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_BROKEN,
                    "the stream of session " + sessionId + " dropped (" + reason + ") and " + RESUME_ATTEMPTS
                            + " attempts to resume it after " + resumeFrom + " failed; last: " + why);
        }
    }

    /** Answered 200: subscribed, even if the stream has already ended again (then the next take resumes it). */
    private static boolean subscribed(SseConnection connection) {
        return connection.exchange().status() == 200;
    }

    private SseConnection connect(String lastEventId) {
        int current = generation.incrementAndGet();
        deliveredOnCurrent = false;
        java.util.Set<String> asked = filtered ? types : java.util.Set.of();
        return streams.open(sessionId, lastEventId, asked, new SseListener() {
            @Override
            public void onFrame(SseFrame frame, long receivedNanos) {
                if (current != generation.get() || dropReason != null) {
                    return; // why: this connection is broken or replaced; its frames are no longer believed
                }
                Event event = Event.parse(frame.data());
                if (!event.json().isObject()) {
                    droppedNanos = System.nanoTime();
                    dropReason = "a frame whose data is not a JSON event: "
                            + BodyText.excerpt(frame.data(), -1);
                    return;
                }
                deliveredOnCurrent = true;
                unproductive.set(0);
                if (!asked.isEmpty() && !asked.contains(event.type())) {
                    capabilities.lacks(ListCapabilities.Parameter.STREAM_TYPES, ListCapabilities.Support.IGNORED);
                } else if (!asked.isEmpty()) {
                    capabilities.works(ListCapabilities.Parameter.STREAM_TYPES);
                }
                if (lastEventId == null || !lastEventId.equals(event.id())) { // why: a resume may repeat its anchor
                    received.add(new Observed(event, receivedNanos));
                }
            }

            @Override
            public void onEnd(String why) {
                if (current == generation.get() && dropReason == null) { // why: keep "broken" over "closed"
                    droppedNanos = System.nanoTime();
                    dropReason = why;
                }
            }
        });
    }

    private static String anchor(EventsApi list, String sessionId, ListCapabilities capabilities, String hint) {
        try {
            return new PollingFeed(list, sessionId, capabilities, java.util.Set.of()).markEnd(hint);
        } catch (EventObservationException | TransportException unlisted) {
            return null;
        }
    }

    private static String excerpt(String body) {
        return BodyText.excerpt(body, -1);
    }
}
