package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;

/**
 * The polling channel: each {@link #take()} reads every page after the last event id seen ({@code after_id}),
 * following {@code has_more}, so small pages and interleaved events are neither missed nor read twice.
 */
final class PollingFeed implements EventFeed {
    private final EventsApi api;
    private final String sessionId;
    private String lastId;

    PollingFeed(EventsApi api, String sessionId) {
        this.api = api;
        this.sessionId = sessionId;
    }

    /** Reads to the end of the list and forgets it: later takes return only newer events. Returns the last id. */
    String skipToEnd() {
        take();
        return lastId;
    }

    @Override
    public List<Observed> take() {
        List<Observed> read = new ArrayList<>();
        boolean more = true;
        while (more) {
            ApiResponse page = api.listAfter(sessionId, lastId);
            if (page.status() != 200 || !page.json().path("data").isArray()) {
                throw new EventObservationException("cannot read the event list: " + page.exchange().summary());
            }
            long arrived = System.nanoTime();
            List<Event> events = page.events();
            for (Event event : events) {
                read.add(new Observed(event, arrived));
                lastId = event.id() == null ? lastId : event.id();
            }
            more = page.hasMore() && !events.isEmpty();
        }
        return read;
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
