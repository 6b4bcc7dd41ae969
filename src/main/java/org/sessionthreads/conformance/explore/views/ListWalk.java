package org.sessionthreads.conformance.explore.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventQuery;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;

/**
 * Reads one event list from a position towards its end, page after page ({@code after_id} = the last event listed,
 * following {@code has_more}), within a bound of pages, handing each event to a sink.
 */
final class ListWalk {
    private ListWalk() {
    }

    /**
     * One list read.
     *
     * @param status       the status of the first answer that was not a readable page (0: a 200 without
     *                     {@code data}), 200 when all were
     * @param complete     true when a page said no {@code has_more}
     * @param requests     pages asked for
     * @param endSentNanos when the request of the page that ended the list went out (0 when none did)
     * @param lastId       the last event listed (the position it started from when none)
     * @param last         the last answer's exchange (null before any)
     */
    record Walk(int status, boolean complete, int requests, long endSentNanos, String lastId, Exchange last) {
        boolean readable() {
            return status == 200;
        }

        List<Exchange> evidence() {
            return last == null ? List.of() : List.of(last);
        }
    }

    /** Reads {@code query} from its {@code after_id} on, at most {@code maxPages} pages, into {@code sink}. */
    static Walk walk(EventsApi api, EventQuery query, int maxPages, Consumer<Event> sink) {
        String after = query.afterId();
        Exchange last = null;
        for (int pages = 1; pages <= maxPages; pages++) {
            long sent = System.nanoTime();
            ApiResponse page = api.page(query.after(after));
            last = page.exchange();
            if (page.status() != 200 || !page.json().path("data").isArray()) {
                return new Walk(page.status() == 200 ? 0 : page.status(), false, pages, 0, after, last);
            }
            List<Event> listed = page.events();
            listed.forEach(sink);
            String next = listed.isEmpty() ? page.lastId() : listed.get(listed.size() - 1).id();
            if (!page.hasMore()) {
                return new Walk(200, true, pages, sent, listed.isEmpty() ? after : next, last);
            }
            if (next == null || Objects.equals(next, after)) {
                return new Walk(200, false, pages, 0, after, last); // a page that does not move on
            }
            after = next;
        }
        return new Walk(200, false, maxPages, 0, after, last);
    }

    /** As {@link #walk(EventsApi, EventQuery, int, Consumer)}, keeping what it lists. */
    static Listed list(EventsApi api, EventQuery query, int maxPages) {
        List<Event> events = new ArrayList<>();
        Walk walk = walk(api, query, maxPages, events::add);
        return new Listed(List.copyOf(events), walk);
    }

    /** The events a walk listed, in the target's order (repeats included), and the walk. */
    record Listed(List<Event> events, Walk walk) {
    }
}
