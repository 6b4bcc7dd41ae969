package org.sessionthreads.conformance.events;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;

/**
 * Walks a session's event list page by page after a position ({@code after_id}), following {@code has_more}, so
 * small pages and interleaved events are neither missed nor read twice. Every reader of the list goes through it:
 * the polling channel ({@link PollingFeed}), the plain read that confirms it ({@link PlainRead}), the mark
 * ({@link NewestMark}), the audit's history ({@link EventHistory}) and the filter's probe ({@link FilterProbe}).
 *
 * <p>Reading less. A pager given {@code types} asks the list for those types only while the run's
 * {@link ListCapabilities} does not know the target to lack them; every page is still checked: a 400 marks the
 * filter REJECTED and the same page is read again without it, the first event of another type marks it IGNORED (the
 * page is still used) and later pages are read unfiltered. A page the target answered with the filter counts as a
 * filtered answer ({@link #filteredAnswers()}): what such a page does not list is only a hypothesis.
 *
 * <p>Timing. Each event carries the moment its page arrived and the moment the list's end was last seen without it
 * ({@link Observed}); the end is seen when a page says no {@code has_more}, at the moment its answering attempt
 * went out.
 *
 * <p>Bounds: {@link #readPages} reads at most the pages it is given; {@link #skipToEnd()} at most
 * {@value #PAGES_TO_SKIP}. A page that does not move past the {@code after_id} it was asked for (the same events
 * again, with {@code has_more}) is an unreadable list, not a reason to loop.
 */
final class ListPager {
    /** Pages one read of the polling channel reads at most (with the suite's page size, 5,000 events). */
    static final int PAGES_PER_READ = 50;
    /** Pages {@link #skipToEnd()} reads at most (500,000 events) before it calls the list endless. */
    static final int PAGES_TO_SKIP = 5_000;
    private final EventsApi api;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final Set<String> types;
    private String lastId;
    private ApiResponse lastPage;
    private boolean behind;
    private boolean filtered;
    /** Filtered pages the target answered with a list: reads that rest on the filter. */
    private int filteredAnswers;
    private int pagesRead;
    /** When the last read that reached the list's end went out (its answering attempt); see Observed. */
    private long endSeenNanos;
    private boolean stuck;

    /**
     * A pager that asks for {@code types} only (none: every type) while the target is not known to lack them,
     * positioned at the session's start; what it lists counts as absent since {@code absentSinceNanos}.
     */
    ListPager(EventsApi api, String sessionId, ListCapabilities capabilities, Set<String> types,
              long absentSinceNanos) {
        this.api = api;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = Set.copyOf(types);
        this.filtered = !types.isEmpty() && capabilities.of(Parameter.LIST_TYPES).worthTrying();
        this.endSeenNanos = absentSinceNanos;
    }

    /** A pager of every type, learning into a capabilities object of its own: reads that must not teach the run. */
    static ListPager unfiltered(EventsApi api, String sessionId, String after, long absentSinceNanos) {
        ListPager pager = new ListPager(api, sessionId, new ListCapabilities(), Set.of(), absentSinceNanos);
        pager.lastId = after;
        return pager;
    }

    /** Moves the position: the next read asks for the events after {@code eventId} (null: the session's start). */
    void positionAfter(String eventId) {
        lastId = eventId;
    }

    /**
     * From now on reads go without the filter, from {@code after}, counting events as absent only since
     * {@code absentSinceNanos}: what filtered reads showed is no longer believed.
     */
    void readPlainlyFrom(String after, long absentSinceNanos) {
        filtered = false;
        filteredAnswers = 0;
        lastId = after;
        endSeenNanos = absentSinceNanos;
    }

    /** Reads to the end of the list and forgets it: later reads return only newer events. Returns the last id. */
    String skipToEnd() {
        int pages = 0;
        do {
            pages += read(PAGES_PER_READ, observed -> { }, false); // why: nothing kept, so memory stays flat
            if (pages >= PAGES_TO_SKIP && behind) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        "the event list of session " + sessionId + " did not end within " + PAGES_TO_SKIP
                                + " pages (has_more stayed true)");
            }
        } while (behind);
        return lastId;
    }

    /**
     * Reads up to {@code maxPages} pages after the position into {@code sink}, asking for the pager's types
     * ({@link #pagesRead()} counts them, {@link #behind()} then says whether more are listed).
     */
    void readPages(int maxPages, Consumer<Observed> sink) {
        read(maxPages, sink, true);
    }

    /**
     * True when the last page read said {@code has_more} but gave no way on (no events, no new {@code last_id}): a
     * live feed tries again at its next read; a whole-history read is incomplete.
     */
    boolean stuck() {
        return stuck;
    }

    /** Pages (list requests) this pager has sent so far, also those of a read that ended unreadable. */
    int pagesRead() {
        return pagesRead;
    }

    /** True when the last read stopped at its page bound with more pages listed. */
    boolean behind() {
        return behind;
    }

    /** True while this pager asks the target for its types only. */
    boolean filtered() {
        return filtered;
    }

    /** Filtered pages the target answered with a list since the last {@link #readPlainlyFrom}. */
    int filteredAnswers() {
        return filteredAnswers;
    }

    /** The newest event id the pager has read (its position). */
    String lastId() {
        return lastId;
    }

    /** When the last read that reached the list's end went out (see {@link Observed}). */
    long endSeenNanos() {
        return endSeenNanos;
    }

    /** The last list request the pager sent, as its exchange summary ("" before any). */
    String lastRequest() {
        return lastPage == null || lastPage.exchange() == null ? "" : lastPage.exchange().summary();
    }

    private int read(int maxPages, Consumer<Observed> sink, boolean narrowed) {
        int pages = 0;
        boolean more = true;
        while (more && pages < maxPages) {
            String after = lastId;
            boolean asked = narrowed && filtered && capabilities.of(Parameter.LIST_TYPES).worthTrying();
            ApiResponse page = asked ? api.listAfter(sessionId, after, types) : api.listAfter(sessionId, after);
            pages++;
            pagesRead++;
            lastPage = page;
            if (asked && page.status() == 400) {
                capabilities.lacks(Parameter.LIST_TYPES, Support.REJECTED);
                filtered = false;
                continue; // why: the same page again, without the filter the target refuses
            }
            if (page.status() != 200 || !page.json().path("data").isArray()) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        page.exchange().summary() + " " + page.excerpt()
                                + (page.utf8Problem().isEmpty() ? "" : " (" + page.utf8Problem() + ")"));
            }
            if (asked) {
                filteredAnswers++;
            }
            long arrived = System.nanoTime();
            long absentUntil = endSeenNanos; // why: what this page lists was not there when the end was last seen
            List<Event> events = page.events();
            for (Event event : events) {
                if (asked && !types.contains(event.type())) {
                    capabilities.lacks(Parameter.LIST_TYPES, Support.IGNORED); // the page is still good
                    filtered = false;
                }
                sink.accept(new Observed(event, arrived, absentUntil));
                lastId = event.id() == null ? lastId : event.id();
            }
            if (asked && filtered && !events.isEmpty()) {
                capabilities.works(Parameter.LIST_TYPES);
            }
            if (events.isEmpty() && page.lastId() != null && page.hasMore()) {
                lastId = page.lastId(); // why: a page the filter emptied still moves the list's cursor on
            }
            if (!page.hasMore()) {
                endSeenNanos = sentNanos(page, arrived); // the list's end: nothing else was there then
            }
            boolean moved = !Objects.equals(after, lastId);
            if (page.hasMore() && !events.isEmpty() && !moved) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        "the page after " + after + " lists no newer event but says has_more: "
                                + page.exchange().summary());
            }
            // why: an empty page with has_more and no new cursor cannot be followed; the next read tries again
            stuck = page.hasMore() && !moved;
            more = page.hasMore() && moved;
        }
        behind = more;
        return pages;
    }

    /**
     * When the attempt that answered {@code page} went out: its answer was built after that, so the list had no
     * other event then. Retries after a 429 or 503 came before this attempt and are not counted.
     */
    private static long sentNanos(ApiResponse page, long arrived) {
        Exchange exchange = page.exchange();
        return exchange == null || exchange.duration() == null ? arrived
                : arrived - Math.max(0, exchange.duration().toNanos());
    }

    /** True when {@code page} is a 200 with a {@code data} array. */
    static boolean readable(ApiResponse page) {
        return page.status() == 200 && page.json().path("data").isArray();
    }
}
