package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseFrame;
import org.sessionthreads.conformance.client.sse.SseListener;
import org.sessionthreads.conformance.config.EventChannel;

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
 *
 * <p>Confirm before condemning ({@link #confirm}). Before a negative verdict the event list is read plainly after
 * the anchor ({@link PlainRead}). When it shows nothing the stream missed, the verdict stands on agreement. When it
 * shows events of the judged types the stream did not deliver, the stream's own shortcut is checked: if the stream
 * was asked for {@code types}, a new stream with the same {@code types} and {@code Last-Event-ID} is opened; when it
 * does not replay them either, the filter is what hid them: the plain read decides (its events go to the cursor,
 * the stream is reconnected without {@code types}, and the run stops using them, {@link
 * ListCapabilities.Support#DISAGREES}). When the replay has them, or the stream asked for every type, nothing the
 * suite chose hid them: the open stream did not deliver what its target lists, and the verdict stands on the
 * stream, with that evidence.
 */
final class SseFeed implements EventFeed {
    /** Consecutive failed resumes after which the stream counts as unreadable (an ERROR, not a FAIL). */
    private static final int RESUME_ATTEMPTS = 3;

    private final EventStreamApi streams;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final java.util.Set<String> types;
    private final EventsApi list;
    /** When the feed was created: before any action it watches. */
    private final long createdNanos = System.nanoTime();
    /** The anchor found on the list (null: the list was empty or unreadable), and whether it came from a hint. */
    private String listMark;
    private boolean listMarkFromHint;
    /** The Last-Event-ID of the first connection (null: live from then on). */
    private String streamFrom;
    /** True once a connection asked for {@link #types} was answered 200. */
    private boolean typedEver;
    private PlainRead plain;
    /** What the plain reads listed so far (they read on where the last ended): the list's view since the anchor. */
    private final List<Observed> listedSinceAnchor = new ArrayList<>();
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

    private SseFeed(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                    java.util.Set<String> types) {
        this.streams = streams;
        this.list = list;
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
        SseFeed feed = new SseFeed(streams, list, sessionId, capabilities, types);
        feed.resumeFrom = feed.anchor(hint);
        feed.connection = feed.subscribe(true);
        return feed;
    }

    /**
     * A feed placed after {@code eventId}, taken as given: nothing is sent now. The first {@link #take()} subscribes
     * with {@code Last-Event-ID: eventId}, so the stream replays everything after the mark and goes on live. A
     * stream that refuses that id (400) is EVENT_STREAM_REFUSED: going live instead would lose what happened
     * between the mark and the subscription.
     */
    static SseFeed placed(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                          java.util.Set<String> types, String eventId) {
        SseFeed feed = new SseFeed(streams, list, sessionId, capabilities, types);
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
        streamFrom = resumeFrom;
        typedEver = filtered;
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
                typedEver |= filtered;
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

    private String anchor(String hint) {
        try {
            PollingFeed marker = new PollingFeed(list, sessionId, capabilities, java.util.Set.of());
            listMark = marker.markEnd(hint);
            listMarkFromHint = marker.markFromHint();
            return listMark;
        } catch (EventObservationException | TransportException unlisted) {
            return null;
        }
    }

    /**
     * Confirms what the stream did not deliver, before a negative verdict: see the class comment.
     *
     * @param known      whether the cursor already holds an event (by id)
     * @param probeBound how long the replay that checks the stream's {@code types} may take to deliver
     */
    @Override
    public Confirmation confirm(Predicate<String> known, Duration probeBound) {
        PlainRead reader = plainRead();
        List<Observed> listed = listedSinceAnchor;
        try {
            listed.addAll(reader.readToEnd());
        } catch (EventObservationException | TransportException unlisted) {
            return Confirmation.standing("not confirmed by a plain read: the event list could not be read ("
                    + unlisted.getMessage() + ")");
        }
        if (!reader.markLocated()) {
            capabilities.disagrees(ListCapabilities.Parameter.LAST_EVENT_ID_HINT, "the hook's last_event_id "
                    + listMark + " was taken as the newest event of session " + sessionId + " (after_id=" + listMark
                    + "&limit=1 listed nothing), but the list read without it " + reader.from()
                    + " does not contain it (" + reader.lastRequest() + ")");
            return Confirmation.standing("not confirmed: the list does not contain the stream's anchor " + listMark);
        }
        Set<String> queued = received.stream().map(o -> o.event().id()).collect(Collectors.toSet());
        List<Observed> missed = listed.stream().filter(o -> EventMatcher.isJudged(o.event())
                && o.event().id() != null && !known.test(o.event().id()) && !queued.contains(o.event().id()))
                .toList();
        if (missed.isEmpty()) {
            return Confirmation.standing("the event list read without types " + reader.from() + " agrees ("
                    + reader.lastRequest() + ")");
        }
        String shown = Confirmation.briefs(missed) + ", which the event list read without types " + reader.from() + " shows ("
                + reader.lastRequest() + ")";
        if (!typed()) {
            return Confirmation.standing("the stream, asked for every type, did not deliver " + shown);
        }
        Set<String> wanted = missed.stream().map(o -> o.event().id()).collect(Collectors.toSet());
        boolean alreadyDisagrees = capabilities.of(ListCapabilities.Parameter.STREAM_TYPES)
                == ListCapabilities.Support.DISAGREES;
        Optional<Set<String>> replayed = alreadyDisagrees ? Optional.of(Set.of())
                : streamFrom == null ? Optional.empty() // why: without a Last-Event-ID a stream replays nothing
                : StreamReplay.ids(streams, sessionId, streamFrom, types, wanted, probeBound);
        if (replayed.isEmpty()) {
            return Confirmation.standing("the stream asked for types did not deliver " + shown + "; a replay with "
                    + "the same types to tell whether the filter hid them could not be opened");
        }
        if (replayed.get().containsAll(wanted)) {
            return Confirmation.standing("the open stream did not deliver " + shown + "; a new stream with the same"
                    + " types and Last-Event-ID " + streamFrom + " replays them, so the filter did not hide them");
        }
        String evidence = "session " + sessionId + ": the stream asked for types (Last-Event-ID " + streamFrom
                + ") did not deliver " + shown + (alreadyDisagrees ? "" : "; a replay with the same types and Last-Event-ID"
                + " did not either");
        capabilities.disagrees(ListCapabilities.Parameter.STREAM_TYPES, evidence);
        reconnectWithoutTypes();
        return new Confirmation(List.copyOf(listed), true, "the plain read decides: " + evidence);
    }

    private PlainRead plainRead() {
        if (plain == null) {
            plain = new PlainRead(list, sessionId, listMarkFromHint ? null : listMark,
                    listMarkFromHint ? listMark : null, createdNanos, EventMatcher.JUDGED_TYPES);
        }
        return plain;
    }

    /** True when a connection of this feed was asked for types and the target was not seen to ignore them. */
    private boolean typed() {
        return typedEver && capabilities.of(ListCapabilities.Parameter.STREAM_TYPES)
                != ListCapabilities.Support.IGNORED;
    }

    /** After a disagreement: the live stream goes on without types, from the last event it delivered. */
    private void reconnectWithoutTypes() {
        filtered = false;
        String from = connection.lastEventId() != null ? connection.lastEventId() : resumeFrom;
        connection.close();
        try {
            SseConnection next = connect(from);
            if (subscribed(next)) {
                connection = next;
                resumeFrom = from;
                return;
            }
            dropReason = "reconnecting without types answered " + next.exchange().summary();
        } catch (TransportException e) {
            dropReason = "reconnecting without types failed: " + e.getMessage();
        }
        droppedNanos = System.nanoTime(); // why: the next take resumes it, as after any drop
    }



    private static String excerpt(String body) {
        return BodyText.excerpt(body, -1);
    }
}
