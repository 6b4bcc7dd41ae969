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
 * A session's whole event history, oldest first, read with the pager of the polling channel ({@link ListPager}), so
 * the end-of-run audit and the scenarios' cursors follow {@code has_more} and {@code after_id}, fall back from a
 * {@code types} filter the target refuses or ignores, and refuse a page that does not move on, in one place.
 * What the target was found to lack is kept for all the sessions read through one {@code EventHistory}, and so is
 * what a plain read disagreed with ({@link #confirm}).
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
        return read(sessionId, maxPages, types);
    }

    /**
     * Confirms {@code narrowed} (a read of {@code sessionId} with types) before a verdict that rests on an event not
     * being listed ("confirm before condemning", docs/event-reading.md): reads the session again without types. When
     * that plain read lists an event of the asked types that {@code narrowed} does not, the plain read decides: it
     * is returned, the filter is not used for later sessions ({@link Support#DISAGREES}) and the evidence is one of
     * {@link #findings()}. Otherwise {@code narrowed}'s events are returned. Either way {@link Read#pages()} counts the
     * requests of both reads. No request when {@code narrowed} was read without the filter, or is incomplete.
     */
    public Read confirm(String sessionId, Read narrowed, int maxPages) {
        if (!narrowed.filtered() || !narrowed.complete()) {
            return narrowed;
        }
        Read plain = read(sessionId, maxPages, Set.of());
        Read agreed = new Read(narrowed.events(), narrowed.pages() + plain.pages(), narrowed.problem(), true,
                narrowed.lastRequest());
        if (!plain.complete()) {
            return agreed;
        }
        Set<String> listed = new java.util.HashSet<>();
        narrowed.events().forEach(e -> listed.add(e.id()));
        List<Event> hidden = plain.events().stream()
                .filter(e -> types.contains(e.type()) && e.id() != null && !listed.contains(e.id())).toList();
        if (hidden.isEmpty()) {
            return agreed;
        }
        capabilities.disagrees(Parameter.LIST_TYPES, "session " + sessionId + ": its history read with types from"
                + " its start, where no after_id of another type is involved ("
                + narrowed.pages() + " pages, last " + narrowed.lastRequest() + ") did not list "
                + hidden.stream().limit(3).map(Event::brief).collect(java.util.stream.Collectors.joining(", "))
                + (hidden.size() > 3 ? " and " + (hidden.size() - 3) + " more" : "") + ", which the history read"
                + " without types shows (" + plain.lastRequest() + "): the filter leaves out events of a type it"
                + " names");
        return new Read(plain.events(), narrowed.pages() + plain.pages(), plain.problem(), false,
                plain.lastRequest());
    }

    /** What plain reads disagreed with, as {@link ListCapabilities#findings()}: WARN lines for the run summary. */
    public List<String> findings() {
        return capabilities.findings();
    }

    private Read read(String sessionId, int maxPages, Set<String> asked) {
        List<Event> events = new ArrayList<>();
        ListPager pager = new ListPager(api, sessionId, capabilities, asked, System.nanoTime());
        boolean filtered = pager.filtered();
        try {
            pager.readPages(maxPages, observed -> events.add(observed.event()));
        } catch (EventObservationException unreadable) {
            return new Read(events, pager.pagesRead(), Optional.of(unreadable.getMessage()),
                    filtered && pager.filtered(), pager.lastRequest());
        }
        Optional<String> problem = pager.behind()
                ? Optional.of("more than " + maxPages + " event pages (audit.max_pages)")
                : pager.stuck() ? Optional.of("an event page says has_more but lists no event and no new last_id")
                : Optional.empty();
        return new Read(events, pager.pagesRead(), problem, filtered && pager.filtered(), pager.lastRequest());
    }

    /**
     * One session's history.
     *
     * @param pages       the list requests it took (a request refused for its filter and sent again counts twice)
     * @param filtered    true when the whole read asked for the types and the target was not seen to ignore them:
     *                    what it does not list may be the filter's doing
     * @param lastRequest the last request's exchange summary, for evidence
     */
    public record Read(List<Event> events, int pages, Optional<String> problem, boolean filtered,
                       String lastRequest) {
        public Read {
            events = List.copyOf(events);
        }

        public Read(List<Event> events, int pages, Optional<String> problem) {
            this(events, pages, problem, false, "");
        }

        public boolean complete() {
            return problem.isEmpty();
        }
    }
}
