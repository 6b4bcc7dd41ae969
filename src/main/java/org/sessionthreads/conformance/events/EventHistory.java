package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;

/**
 * A session's whole event history, oldest first, read with the polling channel's pager ({@link PollingFeed}), so
 * the end-of-run audit and the scenarios' cursors follow {@code has_more} and {@code after_id}, fall back from a
 * {@code types} filter the target refuses or ignores, and refuse a page that does not move on, in one place.
 * What the target was found to lack is kept for all the sessions read through one {@code EventHistory}.
 */
public final class EventHistory {
    private final EventsApi api;
    private final Set<String> types;
    private final ListCapabilities capabilities = new ListCapabilities();

    /** Reads histories asking for {@code types} only (none: every type) while the target honours the filter. */
    public EventHistory(EventsApi api, Set<String> types) {
        this.api = api;
        this.types = Set.copyOf(types);
    }

    /**
     * The newest page of {@code sessionId}'s events ({@code order=desc}), as the target answers it; empty, without
     * a request, once the target answered 400 to {@code order} for an earlier session of this history.
     */
    public Optional<ApiResponse> newestPage(String sessionId) {
        if (capabilities.of(Parameter.NEWEST_FIRST) == Support.REJECTED) {
            return Optional.empty();
        }
        ApiResponse page = api.newestPage(sessionId);
        if (page.status() == 400) {
            capabilities.lacks(Parameter.NEWEST_FIRST, Support.REJECTED);
        }
        return Optional.of(page);
    }

    /**
     * The events of {@code sessionId}, in at most {@code maxPages} requests; incomplete (with why) when a page
     * cannot be read, does not move on, or the bound is reached with more listed.
     */
    public Read read(String sessionId, int maxPages) {
        List<Event> events = new ArrayList<>();
        try (PollingFeed feed = new PollingFeed(api, sessionId, capabilities, types)) {
            try {
                feed.readPages(maxPages, observed -> events.add(observed.event()));
            } catch (EventObservationException unreadable) {
                return new Read(events, feed.pagesRead(), Optional.of(unreadable.getMessage()));
            }
            Optional<String> problem = feed.behind()
                    ? Optional.of("more than " + maxPages + " event pages (audit.max_pages)")
                    : feed.stuck() ? Optional.of("an event page says has_more but lists no event and no new last_id")
                    : Optional.empty();
            return new Read(events, feed.pagesRead(), problem);
        }
    }

    /**
     * One session's history.
     *
     * @param pages the list requests it took (a request refused for its filter and sent again counts twice)
     */
    public record Read(List<Event> events, int pages, Optional<String> problem) {
        public Read {
            events = List.copyOf(events);
        }

        public boolean complete() {
            return problem.isEmpty();
        }
    }
}
