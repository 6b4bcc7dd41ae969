package org.sessionthreads.conformance.explore.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.EventQuery;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;

/**
 * A session's event list read plainly ({@code after_id} only: no filter, no order, the largest page), from the
 * fixture's newest event on (or from the session's start when the fixture did not name it), kept across calls and
 * read on from where it ended: the reference every other view is compared with, and the plain read a verdict that
 * rests on a shortcut is confirmed by (docs/event-reading.md).
 *
 * <p>Timing: each event carries when it was first listed and the moment the list's end was last seen without it
 * (when the request of the last page that ended the list went out); an event is proven absent only until then. An
 * event the first read lists was never seen absent ({@link #NEVER_ABSENT}): the log may be made long after its
 * fixture (a session whose views were dropped is read again from its base).
 */
final class PlainLog {
    /** Pages one refresh reads at most (500,000 events with the suite's page size). */
    static final int MAX_PAGES = 5_000;
    /** {@link #absentUntil} of an event no read saw the list end without. */
    static final long NEVER_ABSENT = Long.MIN_VALUE;
    private final String sessionId;
    private final String base;
    private final List<Seen> events = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, Long> absentUntil = new HashMap<>();
    private final Map<String, Long> listedAt = new HashMap<>();
    private String lastId;
    private long endSeenNanos;
    private boolean complete;
    private boolean endSeen;
    private int repeats;
    private Exchange last;

    PlainLog(String sessionId, String base, long openedNanos) {
        this.sessionId = sessionId;
        this.base = base;
        this.lastId = base;
        this.endSeenNanos = openedNanos;
    }

    /**
     * Reads on to the end of the list; returns how many requests it took. An event listed again (same id) is
     * counted in {@link #repeats()}, not kept twice.
     */
    int refresh(EventsApi api) {
        long previousEnd = endSeen ? endSeenNanos : NEVER_ABSENT;
        ListWalk.Walk walk = ListWalk.walk(api, EventQuery.session(sessionId).after(lastId), MAX_PAGES, event -> {
            if (event.id() == null) {
                return;
            }
            if (positions.containsKey(event.id())) {
                repeats++;
                return;
            }
            positions.put(event.id(), events.size());
            events.add(Seen.of(event));
            absentUntil.put(event.id(), previousEnd);
            listedAt.put(event.id(), System.nanoTime());
        });
        last = walk.last();
        complete = walk.complete();
        if (walk.readable()) {
            lastId = walk.lastId();
        }
        if (walk.complete()) {
            endSeenNanos = walk.endSentNanos();
            endSeen = true;
        }
        return walk.requests();
    }

    String sessionId() {
        return sessionId;
    }

    /** Where the log starts: the fixture's newest event, or null for the session's start. */
    String base() {
        return base;
    }

    List<Seen> events() {
        return java.util.Collections.unmodifiableList(events);
    }

    int size() {
        return events.size();
    }

    Seen get(int position) {
        return events.get(position);
    }

    /** The position of {@code id} in the log, -1 when it is not listed after the base. */
    int positionOf(String id) {
        return id == null ? -1 : positions.getOrDefault(id, -1);
    }

    /**
     * The last moment the list's end was seen without {@code id} (see the class comment); {@link #NEVER_ABSENT} when
     * the first read listed it.
     */
    long absentUntil(String id) {
        return absentUntil.getOrDefault(id, endSeenNanos);
    }

    /** When the read that first listed {@code id} received it. */
    long listedAt(String id) {
        return listedAt.getOrDefault(id, Long.MAX_VALUE);
    }

    /** When the request of the last read that reached the list's end went out. */
    long endSeenNanos() {
        return endSeenNanos;
    }

    /** True when the last refresh reached the list's end. */
    boolean complete() {
        return complete;
    }

    /** Events the list gave again with an id it had already listed. */
    int repeats() {
        return repeats;
    }

    /** The last list request's exchange, for evidence. */
    List<Exchange> evidence() {
        return last == null ? List.of() : List.of(last);
    }
}
