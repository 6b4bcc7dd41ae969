package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.sse.SseConnection;
import org.sessionthreads.conformance.client.sse.SseFrame;
import org.sessionthreads.conformance.client.sse.SseListener;

/**
 * A second subscription to a session's stream, asked exactly as a feed's connection was (same {@code types}, same
 * {@code Last-Event-ID}), to see what it replays: whether the stream's filter hides events the list shows
 * ({@link SseFeed#confirm}). It is closed as soon as every wanted id came, the stream ended, or the bound passed.
 */
final class StreamReplay {
    private StreamReplay() {
    }

    /** The ids the replay delivered within {@code bound}; empty when the stream could not be opened. */
    static Optional<Set<String>> ids(EventStreamApi streams, String sessionId, String lastEventId, Set<String> types,
                                     Set<String> wanted, Duration bound) {
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        SseConnection probe;
        try {
            probe = streams.open(sessionId, lastEventId, types, new SseListener() {
                @Override
                public void onFrame(SseFrame frame, long receivedNanos) {
                    Event event = Event.parse(frame.data());
                    if (event.id() != null) {
                        delivered.add(event.id());
                    }
                    if (delivered.containsAll(wanted)) {
                        done.countDown();
                    }
                }

                @Override
                public void onEnd(String why) {
                    done.countDown();
                }
            });
        } catch (TransportException unreachable) {
            return Optional.empty();
        }
        try {
            if (probe.exchange().status() != 200) {
                return Optional.empty();
            }
            done.await(bound.toNanos(), TimeUnit.NANOSECONDS);
            return Optional.of(Set.copyOf(delivered));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            probe.close();
        }
    }
}
