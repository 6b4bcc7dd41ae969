package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.Set;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseConnection;

/**
 * An SSE feed's subscription to the session's stream: the connection, and what keeps it going. Connections are
 * opened on the test's thread, their frames go to the feed's {@link StreamInbox}.
 *
 * <p>Subscribing ({@link #subscribe}) asks for the feed's {@code types} while the target is not known to lack them
 * and sends {@code Last-Event-ID} when there is a point to start after. A 400 to the filtered stream marks
 * {@code STREAM_TYPES} REJECTED and subscribes again without it; a 400 to the id either goes live (an anchor read
 * from the list: a target whose stream ids differ from its list ids) or is {@code EVENT_STREAM_REFUSED} (a placed
 * mark: going live would lose what happened between the mark and the subscription).
 *
 * <p>Resuming ({@link #resumeIfDropped}) sends the last id the stream delivered (or the first connection's point when
 * it delivered nothing), after the delay the server asked for with {@code retry:}. After {@value #RESUME_ATTEMPTS}
 * connections in a row that broke or ended without delivering anything (no event, no comment), or
 * {@value #RESUME_ATTEMPTS} refused resumes, the stream is {@code EVENT_STREAM_BROKEN}: an ERROR, never a hang and
 * never a MISSING event.
 */
final class StreamSubscription {
    /** Consecutive failed resumes after which the stream counts as unreadable (an ERROR, not a FAIL). */
    static final int RESUME_ATTEMPTS = 3;

    private final EventStreamApi streams;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final Set<String> types;
    private final StreamInbox inbox;
    /** True while the stream is asked for {@link #types} only; cleared once the target refuses or ignores it. */
    private volatile boolean filtered;
    /** True once a connection asked for {@link #types} was answered 200. */
    private boolean typedEver;
    /** The Last-Event-ID of the first connection (null: live from then on). */
    private String streamFrom;
    private SseConnection connection;
    private String resumeFrom;
    private int resumes;
    private int failedResumes;

    /**
     * @param from the point to start after (null: live); nothing is sent until {@link #subscribe}
     */
    StreamSubscription(EventStreamApi streams, String sessionId, ListCapabilities capabilities, Set<String> types,
                       StreamInbox inbox, String from) {
        this.streams = streams;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = Set.copyOf(types);
        this.inbox = inbox;
        this.filtered = !types.isEmpty()
                && capabilities.of(ListCapabilities.Parameter.STREAM_TYPES).worthTrying();
        this.resumeFrom = from;
    }

    /** True once a connection was answered 200. */
    boolean subscribed() {
        return connection != null;
    }

    /**
     * Subscribes after the starting point: without the type filter when the target refuses it, and, when
     * {@code liveWhenRefused}, live from now when the target refuses the id.
     *
     * @throws EventObservationException EVENT_STREAM_REFUSED when the target refuses the stream
     */
    void subscribe(boolean liveWhenRefused) {
        SseConnection first = connect(resumeFrom);
        if (!answered(first) && filtered && first.exchange().status() == 400) {
            capabilities.lacks(ListCapabilities.Parameter.STREAM_TYPES, ListCapabilities.Support.REJECTED);
            filtered = false; // why: a target that refuses the filter on its stream; every type, then
            first.close();
            first = connect(resumeFrom);
        }
        if (!answered(first) && resumeFrom != null && first.exchange().status() == 400) {
            if (!liveWhenRefused) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_REFUSED,
                        "the stream refused Last-Event-ID " + resumeFrom + ", the cursor's mark: "
                                + first.exchange().summary() + " " + excerpt(first.exchange().responseBody()));
            }
            resumeFrom = null; // why: a target whose stream ids differ from its list ids; live from now
            first = connect(null);
        }
        if (!answered(first)) {
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_REFUSED,
                    first.exchange().summary() + " " + excerpt(first.exchange().responseBody()));
        }
        streamFrom = resumeFrom;
        typedEver = filtered;
        connection = first;
    }

    /**
     * Resumes a dropped connection (see the class comment); does nothing while it is not dropped or the server's
     * {@code retry:} delay has not passed.
     *
     * @throws EventObservationException EVENT_STREAM_BROKEN when the stream cannot be kept going
     */
    void resumeIfDropped() {
        if (inbox.dropReason() == null) {
            return;
        }
        Duration retry = connection.retry().orElse(Duration.ZERO);
        if (System.nanoTime() - inbox.droppedNanos() < retry.toNanos()) {
            return; // why: the server asked for this delay with retry:; the next take() tries again
        }
        String delivered = connection.lastEventId();
        resumeFrom = delivered != null ? delivered : resumeFrom;
        String reason = inbox.dropReason();
        if (!inbox.deliveredOnCurrent() && connection.comments() == 0
                && inbox.unproductiveInARow() >= RESUME_ATTEMPTS) {
            connection.close();
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_BROKEN,
                    "the stream of session " + sessionId + " broke or ended without delivering an event "
                            + RESUME_ATTEMPTS + " times in a row; last: " + reason);
        }
        connection.close();
        inbox.clearDrop();
        try {
            SseConnection next = connect(resumeFrom);
            if (answered(next)) {
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

    /** After a disagreement: the live stream goes on without types, from the last event it delivered. */
    void reconnectWithoutTypes() {
        filtered = false;
        String from = connection.lastEventId() != null ? connection.lastEventId() : resumeFrom;
        connection.close();
        try {
            SseConnection next = connect(from);
            if (answered(next)) {
                connection = next;
                resumeFrom = from;
                return;
            }
            inbox.dropped("reconnecting without types answered " + next.exchange().summary());
        } catch (TransportException e) {
            inbox.dropped("reconnecting without types failed: " + e.getMessage()); // why: the next take resumes it
        }
    }

    /** The Last-Event-ID of the first connection (null: it went live). */
    String streamFrom() {
        return streamFrom;
    }

    /** True when a connection was asked for types and the target was not seen to ignore them. */
    boolean typed() {
        return typedEver && capabilities.of(ListCapabilities.Parameter.STREAM_TYPES)
                != ListCapabilities.Support.IGNORED;
    }

    /** How many times a dropped connection was resumed. */
    int resumes() {
        return resumes;
    }

    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private void failed(String reason, String why) {
        inbox.dropped(reason);
        if (++failedResumes >= RESUME_ATTEMPTS) {
            throw new EventObservationException(EventObservationException.Cause.EVENT_STREAM_BROKEN,
                    "the stream of session " + sessionId + " dropped (" + reason + ") and " + RESUME_ATTEMPTS
                            + " attempts to resume it after " + resumeFrom + " failed; last: " + why);
        }
    }

    private SseConnection connect(String lastEventId) {
        Set<String> asked = filtered ? types : Set.of();
        return streams.open(sessionId, lastEventId, asked, inbox.listener(asked, lastEventId));
    }

    /** Answered 200: subscribed, even if the stream has already ended again (then the next take resumes it). */
    private static boolean answered(SseConnection connection) {
        return connection.exchange().status() == 200;
    }

    private static String excerpt(String body) {
        return BodyText.excerpt(body, -1);
    }
}
