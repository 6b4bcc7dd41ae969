package org.sessionthreads.conformance.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.Event;

/**
 * What a cursor has read from its {@link EventFeed}: the events, de-duplicated by id, in the target's order, each
 * with the moment it was received. Every question about them ({@link #first}, {@link #all}, {@link #tail}) first
 * takes in what the feed has received since ({@link #refresh()}).
 *
 * <p>Memory is bounded, whatever the target sends: every event is kept up to {@value #KEEP_ALL_UP_TO}, then only
 * events of the types the suite judges ({@link EventMatcher#JUDGED_TYPES}, at most {@value #KEEP_JUDGED_UP_TO}),
 * and always the last {@value #DIAGNOSTIC_TAIL} for failure messages and a count of all. De-duplication remembers
 * the kept ids and the last {@value #RECENT_IDS} others (a resumed stream repeats recent events, not old ones). A
 * session flooded with unrelated events therefore costs reading time, not memory.
 */
final class SeenEvents {
    /** Events kept whatever their type, so small sessions keep their whole history. */
    static final int KEEP_ALL_UP_TO = 1_000;
    /** Events of judged types kept after {@link #KEEP_ALL_UP_TO}; beyond it the cursor says it stopped keeping. */
    static final int KEEP_JUDGED_UP_TO = 10_000;
    /** Ids of events not kept that are still remembered for de-duplication. */
    static final int RECENT_IDS = 10_000;
    private static final int DIAGNOSTIC_TAIL = 5;
    private final EventFeed feed;
    private final List<Observed> seen = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final Set<String> recentIds = new LinkedHashSet<>();
    private final Deque<Observed> lastSeen = new ArrayDeque<>();
    private long total;
    private long notKept;

    SeenEvents(EventFeed feed) {
        this.feed = feed;
    }

    /** Takes in what the feed received since the last read. */
    void refresh() {
        ingest(feed.take());
    }

    /** The first event kept that matches, after a {@link #refresh()}. */
    Optional<Observed> first(EventMatcher matcher) {
        refresh();
        return seen.stream().filter(o -> matcher.matches(o.event())).findFirst();
    }

    /** Every event kept that matches, after a {@link #refresh()}. */
    List<Event> all(EventMatcher matcher) {
        refresh();
        return seen.stream().map(Observed::event).filter(matcher::matches).toList();
    }

    /**
     * Takes in what a feed's confirmation returned: events it decided go into the target's order, those it only
     * now listed are added as any read's.
     */
    void takeIn(Confirmation confirmed) {
        int held = seen.size();
        ingest(confirmed.events());
        if (confirmed.decided()) {
            inTargetOrder(confirmed.events(), held);
        }
    }

    /** True when an event with this id was taken in (kept, or recently seen and not kept). */
    boolean known(String id) {
        return seenIds.contains(id) || recentIds.contains(id);
    }

    /**
     * The last few events seen, each with when it arrived ({@code since}), after a {@link #refresh()}: the
     * diagnosis of every event failure.
     */
    String tail(Function<Observed, String> since) {
        refresh();
        if (total == 0) {
            return "no events at all since the cursor opened";
        }
        return "last " + lastSeen.size() + " of " + total + " events seen"
                + (notKept == 0 ? "" : " (" + notKept + " of other types not kept)") + ": "
                + lastSeen.stream().map(o -> o.event().brief() + " " + since.apply(o))
                .collect(Collectors.joining(", "));
    }

    /** How many events are kept (for the memory bound's test). */
    int kept() {
        return seen.size();
    }

    /** Where {@code event} is among the kept events (-1: not kept). */
    int positionOf(Event event) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).event().id().equals(event.id())) {
                return i;
            }
        }
        return -1;
    }

    private void ingest(List<Observed> observedEvents) {
        for (Observed observed : observedEvents) {
            String id = observed.event().id();
            if (id == null || known(id)) {
                continue;
            }
            total++;
            lastSeen.addLast(observed);
            if (lastSeen.size() > DIAGNOSTIC_TAIL) {
                lastSeen.removeFirst();
            }
            if (seen.size() < KEEP_ALL_UP_TO
                    || seen.size() < KEEP_ALL_UP_TO + KEEP_JUDGED_UP_TO && EventMatcher.isJudged(observed.event())) {
                seenIds.add(id);
                seen.add(observed);
            } else {
                notKept++;
                recentIds.add(id);
                if (recentIds.size() > RECENT_IDS) {
                    recentIds.remove(recentIds.iterator().next());
                }
            }
        }
    }

    /**
     * Puts the kept events in the order of {@code listed} (a plain read of one stretch of the list, the target's
     * order). Events it does not hold keep the order they came in: before the stretch when they were held already
     * (the first {@code held}), after it otherwise.
     */
    private void inTargetOrder(List<Observed> listed, int held) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            position.putIfAbsent(listed.get(i).event().id(), i);
        }
        Map<Observed, Integer> key = new IdentityHashMap<>();
        for (int i = 0; i < seen.size(); i++) {
            Integer listedAt = position.get(seen.get(i).event().id());
            key.put(seen.get(i), listedAt != null ? listedAt : i < held ? -1 : Integer.MAX_VALUE);
        }
        seen.sort(Comparator.comparingInt(key::get)); // why: stable, so equal keys keep their order
    }
}
