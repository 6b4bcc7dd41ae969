package org.sessionthreads.conformance.explore.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sessionthreads.conformance.client.EventQuery;
import org.sessionthreads.conformance.client.EventQuery.TypesSpelling;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.views.ViewSupport.Support;

/**
 * The event list views of one session besides the plain log, each read on from where it ended and compared with
 * the log: the list filtered by the judged types in each documented spelling (read from the session's start and
 * then after the last event it listed, so no {@code after_id} of another type is involved), the newest-first page,
 * small pages (2 events) around what is new, and each thread's own list.
 */
final class ListViews {
    /** Pages one read of a filtered or thread list reads at most; it reads on at the next call. */
    static final int PAGES_PER_READ = 50;
    /** Small pages read at most per call. */
    static final int SMALL_PAGES = 8;
    static final int SMALL_PAGE_SIZE = 2;
    private static final List<String> TYPES = EventMatcher.JUDGED_TYPES.stream().sorted().toList();
    private final EventsApi api;
    private final ViewSupport support;
    private final String sessionId;
    private final Map<String, Incremental> filtered = new HashMap<>();
    private final Map<String, Incremental> threads = new HashMap<>();
    private int requests;

    ListViews(EventsApi api, ViewSupport support, String sessionId) {
        this.api = api;
        this.support = support;
        this.sessionId = sessionId;
    }

    /** Requests sent so far. */
    int requests() {
        return requests;
    }

    /** The filtered list in {@code spelling}; compares what it listed from the session's start with the log. */
    List<Disagreement> filtered(TypesSpelling spelling, PlainLog log) {
        String view = "list " + spelling.parameter() + "=" + String.join(",", TYPES);
        if (!support.offered(view)) {
            return List.of();
        }
        Incremental list = filtered.computeIfAbsent(view, v -> new Incremental());
        EventQuery query = EventQuery.session(sessionId).types(TYPES, spelling);
        ListWalk.Walk walk = list.readOn(api, query, PAGES_PER_READ);
        requests += walk.requests();
        if (walk.status() == 400) {
            support.lacks(view, Support.REJECTED);
            return List.of();
        }
        if (list.events.stream().anyMatch(e -> !TYPES.contains(e.type()))) {
            support.lacks(view, Support.IGNORED);
            return List.of();
        }
        return !walk.readable() ? List.of() : Disagreement.compare(view, list.events, log,
                e -> TYPES.contains(e.type()), true, list.complete, walk.evidence());
    }

    /** The judged events the first complete filtered view listed from the session's start; empty when none. */
    List<Seen> history() {
        return filtered.values().stream().filter(list -> list.complete).findFirst()
                .map(list -> List.copyOf(list.events)).orElse(List.of());
    }

    /** The newest page ({@code order=desc}), compared with the log on the events both list. */
    List<Disagreement> newestFirst(PlainLog log) {
        String view = "list order=desc";
        if (!support.offered(view)) {
            return List.of();
        }
        ListWalk.Listed page = ListWalk.list(api, EventQuery.session(sessionId).descending(), 1);
        requests++;
        if (page.walk().status() == 400) {
            support.lacks(view, Support.REJECTED);
            return List.of();
        }
        List<Seen> newestFirst = page.events().stream().map(Seen::of).toList();
        List<Integer> shared = newestFirst.stream().map(e -> log.positionOf(e.id())).filter(at -> at >= 0).toList();
        if (shared.size() > 1 && shared.get(0) < shared.get(shared.size() - 1)) {
            support.lacks(view, Support.IGNORED);
            return List.of();
        }
        List<Seen> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return !page.walk().readable() ? List.of()
                : Disagreement.compare(view, oldestFirst, log, e -> true, false, false, page.walk().evidence());
    }

    /** Small pages after {@code afterId} (an event of the log), compared with the log on the window they read. */
    List<Disagreement> smallPages(PlainLog log, String afterId) {
        String view = "list limit=" + SMALL_PAGE_SIZE;
        ListWalk.Listed pages = ListWalk.list(api, EventQuery.session(sessionId).after(afterId)
                .limit(SMALL_PAGE_SIZE), SMALL_PAGES);
        requests += pages.walk().requests();
        if (!pages.walk().readable()) {
            return List.of();
        }
        return Disagreement.compare(view + " after " + afterId, pages.events().stream().map(Seen::of).toList(), log,
                e -> true, false, pages.walk().complete(), pages.walk().evidence());
    }

    /** The thread's own list ({@code /threads/{id}/events}), compared with the log's events of the thread. */
    List<Disagreement> thread(String threadId, PlainLog log) {
        String view = "thread list";
        if (!support.offered(view)) {
            return List.of();
        }
        Incremental list = threads.computeIfAbsent(threadId, t -> new Incremental());
        ListWalk.Walk walk = list.readOn(api, EventQuery.session(sessionId).thread(threadId), PAGES_PER_READ);
        requests += walk.requests();
        if (walk.status() == 400 || walk.status() == 405) {
            support.lacks(view, Support.REJECTED);
        }
        return !walk.readable() ? List.of() : Disagreement.compare(view + " " + threadId, list.events, log,
                e -> threadId.equals(e.thread()), true, list.complete, walk.evidence());
    }

    /** Threads whose own list is read: the ones given, if the log shows them in this session. */
    static Set<String> inSession(Set<String> threads, PlainLog log) {
        Set<String> known = new java.util.LinkedHashSet<>();
        log.events().forEach(e -> {
            if (e.thread() != null && threads.contains(e.thread())) {
                known.add(e.thread());
            }
        });
        return known;
    }

    /** A list read from its start and then on after the last event it listed. */
    private static final class Incremental {
        private final List<Seen> events = new ArrayList<>();
        private String lastId;
        private boolean complete;

        ListWalk.Walk readOn(EventsApi api, EventQuery query, int maxPages) {
            ListWalk.Walk walk = ListWalk.walk(api, query.after(lastId), maxPages, e -> events.add(Seen.of(e)));
            if (walk.readable()) {
                lastId = walk.lastId();
                complete = walk.complete();
            }
            return walk;
        }
    }
}
