package org.sessionthreads.conformance.events;

import java.util.ArrayList;
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
 * The polling channel: each {@link #take()} reads the pages after the last event id seen ({@code after_id}),
 * following {@code has_more}, so small pages and interleaved events are neither missed nor read twice.
 *
 * <p>Reading less. A feed given {@code types} asks the list for those types only, so unrelated events (however
 * many) cost nothing; every page is still checked, and the first event of another type shows that the target
 * ignores the filter: the feed then reads everything (the cursor's matchers judge by type themselves, so only time
 * is lost). {@link #markEnd} finds the cursor's mark with a constant number of requests where the target allows
 * (a hint it can confirm, or {@code order=desc&limit=1}), and reads to the end of the list only where it does not.
 * What was learnt goes to the run's {@link ListCapabilities}.
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
    private final ListCapabilities capabilities;
    private final Set<String> types;
    private String lastId;
    private boolean behind;
    private boolean filtered;
    private int pagesRead;
    /**
     * When the last read that reached the list's end went out (its answering attempt); see Observed. It starts at
     * the feed's creation: before any action the feed watches, so it can never make an event look late.
     */
    private long endSeenNanos = System.nanoTime();
    private boolean stuck;

    /** A feed of every event type (the SSE anchor, tests). */
    PollingFeed(EventsApi api, String sessionId) {
        this(api, sessionId, new ListCapabilities(), Set.of());
    }

    /** A feed that asks for {@code types} only (none: every type) while the target is not known to lack it. */
    PollingFeed(EventsApi api, String sessionId, ListCapabilities capabilities, Set<String> types) {
        this.api = api;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = Set.copyOf(types);
        this.filtered = !types.isEmpty() && capabilities.of(Parameter.LIST_TYPES).worthTrying();
    }

    /**
     * Positions the feed after the newest event listed now and returns its id (null for an empty list). Costs,
     * whatever the session holds: 1 request when {@code hint} (e.g. the fixture hook's {@code last_event_id}) is
     * confirmed to be the newest ({@code after_id=hint&limit=1} lists nothing); else 2 when the target reads newest
     * first ({@code order=desc&limit=1}, confirmed the same way); else a read to the end of the list
     * ({@link #skipToEnd()}), from the newest point known.
     */
    String markEnd(String hint) {
        if (hint != null && isNewest(hint)) {
            lastId = hint;
            return hint;
        }
        if (capabilities.of(Parameter.NEWEST_FIRST).worthTrying()) {
            ApiResponse newest = api.newest(sessionId);
            if (newest.status() == 400) {
                capabilities.lacks(Parameter.NEWEST_FIRST, Support.REJECTED);
            } else if (readable(newest) && newest.events().isEmpty() && !newest.hasMore()) {
                return null; // an empty list, in either order
            } else if (readable(newest) && newest.events().size() == 1 && newest.events().get(0).id() != null) {
                String candidate = newest.events().get(0).id();
                ApiResponse next = api.oneAfter(sessionId, candidate);
                if (readable(next) && next.events().isEmpty()) {
                    if (newest.hasMore()) {
                        capabilities.works(Parameter.NEWEST_FIRST); // why: more than one event, the newest came
                    }
                    lastId = candidate;
                    return candidate;
                }
                if (readable(next)) {
                    noteIfIgnored(candidate);
                    lastId = candidate; // why: whichever it is, everything after it is read below
                }
            }
        }
        return skipToEnd();
    }

    /**
     * Positions the feed after {@code eventId}, taken as given: nothing is sent, and the first {@link #take()} reads
     * from there. For a mark known from elsewhere (the fixture hook's {@code last_event_id}) when the moment before
     * the act must stay free of requests.
     */
    void placeAfter(String eventId) {
        lastId = eventId;
    }

    /** Reads to the end of the list and forgets it: later takes return only newer events. Returns the last id. */
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

    @Override
    public List<Observed> take() {
        List<Observed> read = new ArrayList<>();
        read(PAGES_PER_READ, read::add, true);
        return read;
    }

    /**
     * Reads up to {@code maxPages} pages after the feed's position into {@code sink}, asking for its types
     * ({@link #pagesRead()} counts them, {@link #behind()} then says whether more are listed). {@link EventHistory}
     * reads with it.
     */
    void readPages(int maxPages, Consumer<Observed> sink) {
        read(maxPages, sink, true);
    }

    /**
     * True when the last page read said {@code has_more} but gave no way on (no events, no new {@code last_id}): a
     * live feed tries again at its next take; a whole-history read is incomplete.
     */
    boolean stuck() {
        return stuck;
    }

    /** Pages (list requests) this feed has sent so far, also those of a read that ended unreadable. */
    int pagesRead() {
        return pagesRead;
    }

    /** True when the last take stopped at its page bound with more pages listed. */
    @Override
    public boolean behind() {
        return behind;
    }

    /** True while this feed asks the target for its types only. */
    boolean filtered() {
        return filtered;
    }

    private boolean isNewest(String hint) {
        ApiResponse next = api.oneAfter(sessionId, hint);
        return readable(next) && next.events().isEmpty() && !next.hasMore();
    }

    /** The newest-first candidate was followed by more: it is the oldest event when {@code order} was ignored. */
    private void noteIfIgnored(String candidate) {
        ApiResponse oldest = api.oneAfter(sessionId, null);
        if (readable(oldest) && !oldest.events().isEmpty() && candidate.equals(oldest.events().get(0).id())) {
            capabilities.lacks(Parameter.NEWEST_FIRST, Support.IGNORED);
        }
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
            // why: an empty page with has_more and no new cursor cannot be followed; the next take tries again
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

    private static boolean readable(ApiResponse page) {
        return page.status() == 200 && page.json().path("data").isArray();
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
