package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;

/**
 * The polling channel: each {@link #take()} reads the pages after the last event id seen ({@code after_id}),
 * following {@code has_more}, so small pages and interleaved events are neither missed nor read twice.
 *
 * <p>Bounds: one take reads at most {@value #PAGES_PER_READ} pages (a session flooded with events, or a list that
 * claims {@code has_more} forever, cannot hold a wait's poll for long: the next poll goes on where this one
 * stopped); {@link #skipToEnd()} reads at most {@value #PAGES_TO_SKIP} pages. A page that does not move past the
 * {@code after_id} it was asked for (the same events again, with {@code has_more}) is an unreadable list, not a
 * reason to loop.
 */
final class PollingFeed implements EventFeed {
    /** Pages one {@link #take()} reads at most (with the suite's page size, 5,000 events). */
    static final int PAGES_PER_READ = 50;
    /** Pages {@link #skipToEnd()} reads at most (500,000 events) before it calls the list endless. */
    static final int PAGES_TO_SKIP = 5_000;
    private final EventsApi api;
    private final String sessionId;
    private String lastId;
    private boolean behind;

    PollingFeed(EventsApi api, String sessionId) {
        this.api = api;
        this.sessionId = sessionId;
    }

    /** Reads to the end of the list and forgets it: later takes return only newer events. Returns the last id. */
    String skipToEnd() {
        int pages = 0;
        do {
            pages += read(PAGES_PER_READ, observed -> { }); // why: nothing kept, so memory stays flat
            if (pages >= PAGES_TO_SKIP && behind) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        "the event list of session " + sessionId + " did not end within " + PAGES_TO_SKIP
                                + " pages (has_more stayed true)");
            }
        } while (behind);
        return lastId;
    }

    @Override
    public List<Observed> take() {
        List<Observed> read = new ArrayList<>();
        read(PAGES_PER_READ, read::add);
        return read;
    }

    /** True when the last take stopped at its page bound with more pages listed. */
    @Override
    public boolean behind() {
        return behind;
    }

    private int read(int maxPages, java.util.function.Consumer<Observed> sink) {
        int pages = 0;
        boolean more = true;
        while (more && pages < maxPages) {
            String after = lastId;
            ApiResponse page = api.listAfter(sessionId, after);
            pages++;
            if (page.status() != 200 || !page.json().path("data").isArray()) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        page.exchange().summary() + " " + page.excerpt()
                                + (page.utf8Problem().isEmpty() ? "" : " (" + page.utf8Problem() + ")"));
            }
            long arrived = System.nanoTime();
            List<Event> events = page.events();
            for (Event event : events) {
                sink.accept(new Observed(event, arrived));
                lastId = event.id() == null ? lastId : event.id();
            }
            more = page.hasMore() && !events.isEmpty();
            if (more && java.util.Objects.equals(after, lastId)) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        "the page after " + after + " lists no newer event but says has_more: "
                                + page.exchange().summary());
            }
        }
        behind = more;
        return pages;
    }

    @Override
    public String describe() {
        return EventChannel.POLLING.wireName();
    }

    @Override
    public void close() {
        // nothing open between polls
    }
}
