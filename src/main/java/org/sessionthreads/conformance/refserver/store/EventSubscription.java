package org.sessionthreads.conformance.refserver.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * A live view of an {@link EventLog} for one stream: the events to replay (everything after the client's
 * {@code Last-Event-ID}) and then, without gap or duplicate, every event appended later. The log hands events over
 * through a queue, so a slow client never holds the log's monitor.
 */
public final class EventSubscription implements AutoCloseable {
    private static final Object END = new Object();

    private final EventLog log;
    private final Predicate<SessionEvent> wanted;
    private final List<SessionEvent> replay;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    EventSubscription(EventLog log, Predicate<SessionEvent> wanted, List<SessionEvent> replay) {
        this.log = log;
        this.wanted = wanted;
        this.replay = List.copyOf(replay);
    }

    /** Events that were already in the log after the client's last seen event, oldest first. */
    public List<SessionEvent> replay() {
        return replay;
    }

    /**
     * The next live event, or {@code null} when {@code timeout} passed first or the subscription has ended
     * (check {@link #ended()}).
     */
    public SessionEvent poll(Duration timeout) throws InterruptedException {
        Object next = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == END) {
            ended = true;
            return null;
        }
        return (SessionEvent) next;
    }

    /** True once the log was closed (session deleted or server stopping). */
    public boolean ended() {
        return ended;
    }

    void offer(SessionEvent event) {
        if (wanted.test(event)) {
            queue.add(event);
        }
    }

    void end() {
        queue.add(END);
    }

    /** Stops receiving events; called when the client went away. */
    @Override
    public void close() {
        log.unsubscribe(this);
    }
}
