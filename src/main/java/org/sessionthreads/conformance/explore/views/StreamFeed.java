package org.sessionthreads.conformance.explore.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseFrame;
import org.sessionthreads.conformance.client.sse.SseListener;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * A session's event stream read from a position ({@code Last-Event-ID}, or live only without one), kept open
 * between reads and resumed with the last id it delivered when the target ends it. It keeps the events of the
 * judged types it delivered (by id, first delivery wins: a resume that repeats an event is no second event).
 */
final class StreamFeed implements AutoCloseable {
    private final EventStreamApi api;
    private final String sessionId;
    private final Map<String, Seen> delivered = new LinkedHashMap<>();
    private final LinkedBlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();
    private final List<Exchange> openings = new ArrayList<>();
    private volatile String lastId;
    private volatile boolean ended = true;
    private SseConnection connection;
    private volatile int connections;
    private int status = 200;

    StreamFeed(EventStreamApi api, String sessionId, String after) {
        this.api = api;
        this.sessionId = sessionId;
        this.lastId = after;
    }

    /** How a {@link #collect} ended. */
    enum Read {
        /** Every wanted event came. */
        DELIVERED,
        /** The stream delivered nothing for the quiet bound (or was ended too often) before every wanted event. */
        QUIET,
        /** It was still delivering at the hard limit: behind, not known to miss anything. */
        MOVING,
        /** It could not be opened ({@link #status()}). */
        UNAVAILABLE
    }

    /**
     * Reads until every id of {@code wanted} was delivered, or the stream delivered nothing for {@code quiet}
     * (counted from the answer's headers, then from each frame), or {@code limit} passed, resuming each time the
     * target ends the stream, at most {@code maxConnections} times.
     */
    Read collect(Set<String> wanted, Duration quiet, Duration limit, int maxConnections) {
        long hardLimit = System.nanoTime() + limit.toNanos();
        long deadline = System.nanoTime() + quiet.toNanos();
        while (!deliveredAll(wanted)) {
            if (ended) {
                if (connections >= maxConnections) {
                    return Read.QUIET;
                }
                if (!open()) {
                    return Read.UNAVAILABLE;
                }
                deadline = System.nanoTime() + quiet.toNanos(); // why: from the answer's headers
            }
            long now = System.nanoTime();
            if (now >= hardLimit) {
                return Read.MOVING;
            }
            if (now >= deadline) {
                return Read.QUIET;
            }
            try {
                if (signals.poll(Math.min(deadline, hardLimit) - now, TimeUnit.NANOSECONDS) != null) {
                    deadline = System.nanoTime() + quiet.toNanos(); // why: a stream still delivering is behind
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Read.MOVING;
            }
        }
        return Read.DELIVERED;
    }

    /** Opens the stream unless it is open; false when it could not be opened ({@link #status()}). */
    boolean ensureOpen() {
        return !ended || open();
    }

    /** The events of the judged types delivered so far, in delivery order. */
    synchronized List<Seen> delivered() {
        return List.copyOf(delivered.values());
    }

    /** The status of the last opening that failed (200 while none did; 0 when the target did not answer). */
    int status() {
        return status;
    }

    int connections() {
        return connections;
    }

    List<Exchange> evidence() {
        return openings.isEmpty() ? List.of() : List.of(openings.get(openings.size() - 1));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        ended = true;
    }

    private synchronized boolean deliveredAll(Set<String> wanted) {
        return delivered.keySet().containsAll(wanted);
    }

    private boolean open() {
        connections++;
        SseConnection opened;
        try {
            ended = false;
            opened = api.open(sessionId, lastId, listener(connections));
        } catch (TransportException unreachable) {
            ended = true;
            status = 0;
            return false;
        }
        openings.add(opened.exchange());
        if (opened.exchange().status() != 200) {
            status = opened.exchange().status();
            ended = true;
            opened.close();
            return false;
        }
        synchronized (this) {
            connection = opened;
        }
        return true;
    }

    /** A listener of the {@code generation}-th connection: an older connection's end does not end the feed. */
    private SseListener listener(int generation) {
        return new SseListener() {
            @Override
            public void onFrame(SseFrame frame, long receivedNanos) {
                Event event = Event.parse(frame.data());
                String id = frame.id() != null ? frame.id() : event.id();
                if (id != null) {
                    lastId = id;
                }
                if (event.id() != null && EventMatcher.isJudged(event)) {
                    synchronized (StreamFeed.this) {
                        delivered.putIfAbsent(event.id(), Seen.of(event));
                    }
                }
                signals.offer(Boolean.TRUE);
            }

            @Override
            public void onEnd(String reason) {
                if (generation == connections) {
                    ended = true;
                }
                signals.offer(Boolean.TRUE);
            }
        };
    }
}
