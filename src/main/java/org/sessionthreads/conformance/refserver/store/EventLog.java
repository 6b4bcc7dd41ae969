package org.sessionthreads.conformance.refserver.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * The append-only event log of one session. Reads are snapshots; positions are event ids, which stay valid however
 * many events are appended later (that is what makes page cursors and {@code Last-Event-ID} stable).
 */
public final class EventLog {
    private final List<SessionEvent> events = new ArrayList<>();
    private final List<EventSubscription> subscribers = new ArrayList<>();
    private boolean closed;

    /** Appends {@code event} and hands it to every live subscription whose scope it matches. */
    public synchronized void append(SessionEvent event) {
        events.add(event);
        subscribers.forEach(subscriber -> subscriber.offer(event));
    }

    /** All events so far, in append order. */
    public synchronized List<SessionEvent> snapshot() {
        return List.copyOf(events);
    }

    /**
     * Opens a subscription for the events in {@code scope} that pass {@code filter}. With a {@code lastEventId} the
     * subscription first replays every such event after it; without one it sees only events appended from now on.
     *
     * @throws UnknownEventException if {@code lastEventId} is not an event in {@code scope}
     */
    public synchronized EventSubscription subscribe(
            Predicate<SessionEvent> scope, Predicate<SessionEvent> filter, String lastEventId) {
        Predicate<SessionEvent> wanted = scope.and(filter);
        List<SessionEvent> replay = lastEventId == null ? List.of() : after(scope, lastEventId, wanted);
        EventSubscription subscription = new EventSubscription(this, wanted, replay);
        if (closed) {
            subscription.end();
        } else {
            subscribers.add(subscription);
        }
        return subscription;
    }

    /** Ends every subscription; later subscriptions end at once. */
    public synchronized void close() {
        closed = true;
        subscribers.forEach(EventSubscription::end);
        subscribers.clear();
    }

    synchronized void unsubscribe(EventSubscription subscription) {
        subscribers.remove(subscription);
    }

    private List<SessionEvent> after(
            Predicate<SessionEvent> scope, String lastEventId, Predicate<SessionEvent> wanted) {
        for (int i = 0; i < events.size(); i++) {
            SessionEvent event = events.get(i);
            if (event.id().equals(lastEventId) && scope.test(event)) {
                return events.subList(i + 1, events.size()).stream().filter(wanted).toList();
            }
        }
        throw new UnknownEventException(lastEventId);
    }
}
