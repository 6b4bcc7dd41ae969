package org.sessionthreads.conformance.refserver.store;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * The append-only event log of one session. Reads are snapshots; positions are event ids, which stay valid however
 * many events are appended later (that is what makes page cursors and {@code Last-Event-ID} stable).
 *
 * <p>A log may hold {@link #appendFiller filler runs}: tens of thousands of unrelated events stored as one entry and
 * materialised only when a reader reaches them (the {@code HUGE_HISTORY} variation), so a huge history costs
 * neither memory nor append time. Looking an id up ({@link View#positionOf}) is constant time either way.
 */
public final class EventLog {
    /** Separates a filler run's id stem from the event's index in the run: {@code evt_<stem>_<n>}. */
    private static final char FILLER_SEPARATOR = '_';
    private final List<Object> entries = new ArrayList<>(); // SessionEvent or FillerRun
    private final List<Integer> ends = new ArrayList<>();   // cumulative size after each entry
    private final Map<String, Integer> positions = new ConcurrentHashMap<>();
    private final Map<String, Integer> fillerEntries = new ConcurrentHashMap<>();
    private final List<EventSubscription> subscribers = new ArrayList<>();
    private int size;
    private boolean closed;

    /** Appends {@code event} and hands it to every live subscription whose scope it matches. */
    public synchronized void append(SessionEvent event) {
        positions.put(event.id(), size);
        add(event, 1);
        subscribers.forEach(subscriber -> subscriber.offer(event));
    }

    /**
     * Appends {@code count} events made from {@code template}: the same type, thread and time, ids
     * {@code template.id() + "_" + n}. Live subscriptions receive each of them, as if appended one by one.
     */
    public synchronized void appendFiller(SessionEvent template, int count) {
        FillerRun run = new FillerRun(template, count);
        fillerEntries.put(template.id(), entries.size());
        add(run, count);
        if (!subscribers.isEmpty()) {
            for (int i = 0; i < count; i++) {
                SessionEvent event = run.event(i);
                subscribers.forEach(subscriber -> subscriber.offer(event));
            }
        }
    }

    /** All events so far, in append order (a fixed-size view; filler events are built as they are read). */
    public synchronized View snapshot() {
        return new View(List.copyOf(entries), List.copyOf(ends), size);
    }

    /** The id of the newest event, or {@code null} for an empty log. */
    public synchronized String lastId() {
        return size == 0 ? null : snapshot().get(size - 1).id();
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

    private void add(Object entry, int count) {
        entries.add(entry);
        size += count;
        ends.add(size);
    }

    private List<SessionEvent> after(
            Predicate<SessionEvent> scope, String lastEventId, Predicate<SessionEvent> wanted) {
        View view = snapshot();
        int position = view.positionOf(lastEventId);
        if (position < 0 || !scope.test(view.get(position))) {
            throw new UnknownEventException(lastEventId);
        }
        return view.select(position + 1, wanted, Integer.MAX_VALUE);
    }

    /** A run of unrelated events stored as one entry. */
    private record FillerRun(SessionEvent template, int count) {
        SessionEvent event(int index) {
            return new SessionEvent(template.id() + FILLER_SEPARATOR + index, template.type(), template.sessionId(),
                    template.sessionThreadId(), template.at(), template.fields());
        }
    }

    /** A snapshot of the log: a random-access list whose ids can be looked up without a scan. */
    public final class View extends AbstractList<SessionEvent> implements RandomAccess {
        private final List<Object> entries;
        private final List<Integer> ends;
        private final int size;

        private View(List<Object> entries, List<Integer> ends, int size) {
            this.entries = entries;
            this.ends = ends;
            this.size = size;
        }

        @Override
        public SessionEvent get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            int entry = java.util.Collections.binarySearch(ends, index + 1);
            entry = entry >= 0 ? entry : -entry - 1;
            Object found = entries.get(entry);
            if (found instanceof SessionEvent event) {
                return event;
            }
            int start = entry == 0 ? 0 : ends.get(entry - 1);
            return ((FillerRun) found).event(index - start);
        }

        @Override
        public int size() {
            return size;
        }

        /**
         * Up to {@code max} events from position {@code from} on that pass {@code filter}, in order. A filler run
         * is judged by its first event: its events differ only in id, so a filter that does not look at ids (type,
         * thread) passes all of them or none, and a run that does not pass is skipped without building it.
         */
        public List<SessionEvent> select(int from, Predicate<SessionEvent> filter, int max) {
            List<SessionEvent> selected = new ArrayList<>();
            int start = 0;
            for (int entry = 0; entry < entries.size() && selected.size() < max; entry++) {
                int end = ends.get(entry);
                if (end > from) {
                    Object found = entries.get(entry);
                    if (found instanceof SessionEvent event) {
                        if (filter.test(event)) {
                            selected.add(event);
                        }
                    } else {
                        FillerRun run = (FillerRun) found;
                        if (filter.test(run.event(0))) {
                            for (int i = Math.max(0, from - start); i < run.count() && selected.size() < max; i++) {
                                selected.add(run.event(i));
                            }
                        }
                    }
                }
                start = end;
            }
            return selected;
        }

        /** The position of the event {@code id} in this snapshot, or -1. */
        public int positionOf(String id) {
            Integer real = positions.get(id);
            if (real != null) {
                return real < size ? real : -1;
            }
            int cut = id.lastIndexOf(FILLER_SEPARATOR);
            Integer entry = cut < 0 ? null : fillerEntries.get(id.substring(0, cut));
            if (entry == null || entry >= entries.size()) {
                return -1;
            }
            FillerRun run = (FillerRun) entries.get(entry);
            try {
                int index = Integer.parseInt(id.substring(cut + 1));
                int start = entry == 0 ? 0 : ends.get(entry - 1);
                return index >= 0 && index < run.count() && String.valueOf(index).equals(id.substring(cut + 1))
                        ? start + index : -1;
            } catch (NumberFormatException notFiller) {
                return -1;
            }
        }
    }
}
