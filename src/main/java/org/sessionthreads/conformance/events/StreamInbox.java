package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.sse.SseFrame;
import org.sessionthreads.conformance.client.sse.SseListener;

/**
 * Where an SSE feed's connections leave what they receive: each frame becomes an {@link Observed} event with its
 * arrival time, queued on the connection's thread and drained on the test's thread ({@link #drain()}). Also what
 * the two threads share about the current connection: whether it dropped (and why, and when), whether it delivered.
 *
 * <p>Only the current connection is believed: each {@link #listener} belongs to one generation, and a connection
 * replaced by a newer one, or one that already broke, is ignored. A frame whose data is not a JSON object breaks
 * its connection (the subscription resumes it). The first event of a type the stream was not asked for marks
 * {@code STREAM_TYPES} IGNORED in the run's {@link ListCapabilities}; an asked-for event marks it WORKS. A resumed
 * stream may repeat its {@code Last-Event-ID} event: that one is dropped here, other repeats by the cursor.
 */
final class StreamInbox {
    private final ListCapabilities capabilities;
    private final Queue<Observed> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile String dropReason;
    private volatile long droppedNanos;
    /** Connections in a row that broke (garbage) or ended having delivered nothing; reset by a delivered event. */
    private final AtomicInteger unproductive = new AtomicInteger();
    private volatile boolean deliveredOnCurrent;

    StreamInbox(ListCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /**
     * The listener of a new connection, which from now on is the current one.
     *
     * @param asked       the types the connection asks for (empty: every type)
     * @param lastEventId the {@code Last-Event-ID} it is opened with (null: live)
     */
    SseListener listener(Set<String> asked, String lastEventId) {
        int current = generation.incrementAndGet();
        deliveredOnCurrent = false;
        return new SseListener() {
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
        };
    }

    /** The events queued since the last call, in the order they arrived. */
    List<Observed> drain() {
        List<Observed> drained = new ArrayList<>();
        for (Observed next = received.poll(); next != null; next = received.poll()) {
            drained.add(next);
        }
        return drained;
    }

    /** The ids of the events queued and not yet drained. */
    Set<String> queuedIds() {
        return received.stream().map(o -> o.event().id()).collect(Collectors.toSet());
    }

    /** Why the current connection dropped, or null while it is believed. */
    String dropReason() {
        return dropReason;
    }

    /** When it dropped (meaningful while {@link #dropReason()} is set). */
    long droppedNanos() {
        return droppedNanos;
    }

    /** Notes a drop the test's thread saw (a resume or a reconnection that failed). */
    void dropped(String reason) {
        dropReason = reason;
        droppedNanos = System.nanoTime();
    }

    /** The drop is being dealt with: the next connection's end is news again. */
    void clearDrop() {
        dropReason = null;
    }

    /** True when the current connection delivered an event. */
    boolean deliveredOnCurrent() {
        return deliveredOnCurrent;
    }

    /** Counts the current connection as one more that delivered nothing; returns how many in a row. */
    int unproductiveInARow() {
        return unproductive.incrementAndGet();
    }
}
