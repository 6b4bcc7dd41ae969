package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.config.EventChannel;

/**
 * The SSE channel: the session's event stream, subscribed when the cursor opens (before the scenario acts), or, for
 * a feed {@link #placed} after a known event, at its first read with that event as {@code Last-Event-ID}. The
 * connection's thread queues each message with its arrival time ({@link StreamInbox}); {@link #take()} drains the
 * queue on the test's thread. A dropped connection is resumed there too ({@link StreamSubscription}), with
 * {@code Last-Event-ID} set to the last id the stream delivered, so the target replays exactly what was missed; if
 * the stream dropped before delivering anything, the anchor (the last event listed when the cursor opened) is used,
 * so nothing is lost either way. Repeats after a resume are removed by the cursor's de-duplication.
 *
 * <p>A hostile stream ends as an ERROR ({@link EventObservationException.Cause#EVENT_STREAM_BROKEN}), never as a
 * hang and never as a MISSING event. The feed does not fall back to polling: the scenario is about this channel,
 * and polling it instead would hide the break.
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
    private final EventStreamApi streams;
    private final EventsApi list;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final Set<String> types;
    /** When the feed was created: before any action it watches. */
    private final long createdNanos = System.nanoTime();
    private final StreamInbox inbox;
    private StreamSubscription subscription;
    /** The anchor found on the list (id null: the list was empty or unreadable). */
    private NewestMark listMark = NewestMark.NONE;
    private PlainRead plain;
    /** What the plain reads listed so far (they read on where the last ended): the list's view since the anchor. */
    private final List<Observed> listedSinceAnchor = new ArrayList<>();
    private boolean closed;

    private SseFeed(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                    Set<String> types) {
        this.streams = streams;
        this.list = list;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = Set.copyOf(types);
        this.inbox = new StreamInbox(capabilities);
    }

    /**
     * Subscribes to the session's stream. The anchor comes from the event list when it answers (best effort: a
     * target that only streams still works); the stream is then opened after it, so it starts exactly at the mark.
     *
     * @throws EventObservationException when the target refuses the stream
     */
    static SseFeed open(EventStreamApi streams, EventsApi list, String sessionId) {
        return open(streams, list, sessionId, new ListCapabilities(), Set.of(), null);
    }

    /**
     * As {@link #open(EventStreamApi, EventsApi, String)}, finding the anchor cheaply ({@link NewestMark}, with
     * {@code hint}) and asking the stream for {@code types} only while the target is not known to lack it
     * (a 400 to it reconnects without; an event of another type shows it is ignored).
     */
    static SseFeed open(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                        Set<String> types, String hint) {
        SseFeed feed = new SseFeed(streams, list, sessionId, capabilities, types);
        feed.subscription = feed.subscriptionFrom(feed.anchor(hint));
        feed.subscription.subscribe(true);
        return feed;
    }

    /**
     * A feed placed after {@code eventId}, taken as given: nothing is sent now. The first {@link #take()} subscribes
     * with {@code Last-Event-ID: eventId}, so the stream replays everything after the mark and goes on live. A
     * stream that refuses that id (400) is EVENT_STREAM_REFUSED: going live instead would lose what happened
     * between the mark and the subscription.
     */
    static SseFeed placed(EventStreamApi streams, EventsApi list, String sessionId, ListCapabilities capabilities,
                          Set<String> types, String eventId) {
        SseFeed feed = new SseFeed(streams, list, sessionId, capabilities, types);
        feed.subscription = feed.subscriptionFrom(eventId);
        feed.listMark = NewestMark.placedAfter(eventId);
        return feed;
    }

    private StreamSubscription subscriptionFrom(String from) {
        return new StreamSubscription(streams, sessionId, capabilities, types, inbox, from);
    }

    @Override
    public List<Observed> take() {
        if (!subscription.subscribed() && !closed) {
            subscription.subscribe(false); // a placed feed subscribes at its first read
        }
        if (inbox.dropReason() != null && !closed) {
            subscription.resumeIfDropped();
        }
        return inbox.drain();
    }

    @Override
    public String describe() {
        int resumes = subscription.resumes();
        String dropReason = inbox.dropReason();
        return EventChannel.SSE.wireName() + (resumes == 0 ? "" : ", resumed " + resumes + "× with Last-Event-ID")
                + (dropReason == null ? "" : ", dropped: " + dropReason);
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
    }

    /** The list's newest event (its id, or null when the list is empty or cannot be read). */
    private String anchor(String hint) {
        try {
            ListPager pager = new ListPager(list, sessionId, capabilities, Set.of(), System.nanoTime());
            listMark = NewestMark.find(list, sessionId, capabilities, pager, hint);
            return listMark.id();
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
        String mark = listMark.id();
        if (!reader.markLocated()) {
            capabilities.disagrees(ListCapabilities.Parameter.LAST_EVENT_ID_HINT,
                    listMark.notListedEvidence(sessionId, reader));
            return Confirmation.standing("not confirmed: the list does not contain the stream's anchor " + mark);
        }
        Set<String> queued = inbox.queuedIds();
        List<Observed> missed = listed.stream().filter(o -> EventMatcher.isJudged(o.event())
                && o.event().id() != null && !known.test(o.event().id()) && !queued.contains(o.event().id()))
                .toList();
        if (missed.isEmpty()) {
            return Confirmation.standing("the event list read without types " + reader.from() + " agrees ("
                    + reader.lastRequest() + ")");
        }
        String shown = Confirmation.briefs(missed) + ", which the event list read without types " + reader.from()
                + " shows (" + reader.lastRequest() + ")";
        if (!subscription.typed()) {
            return Confirmation.standing("the stream, asked for every type, did not deliver " + shown);
        }
        String streamFrom = subscription.streamFrom();
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
                + ") did not deliver " + shown + (alreadyDisagrees ? ""
                : "; a replay with the same types and Last-Event-ID did not either");
        capabilities.disagrees(ListCapabilities.Parameter.STREAM_TYPES, evidence);
        subscription.reconnectWithoutTypes();
        return new Confirmation(List.copyOf(listed), true, "the plain read decides: " + evidence);
    }

    @Override
    public boolean notShownAfterMark(String eventId) {
        return listMark.fromHint() && PlainRead.notShownAfter(list, sessionId, listMark.id(), eventId);
    }

    /** One plain read per feed: each confirmation goes on where the last one ended. */
    private PlainRead plainRead() {
        if (plain == null) {
            plain = new PlainRead(list, sessionId, listMark.fromHint() ? null : listMark.id(),
                    listMark.fromHint() ? listMark.id() : null, createdNanos, EventMatcher.JUDGED_TYPES);
        }
        return plain;
    }
}
