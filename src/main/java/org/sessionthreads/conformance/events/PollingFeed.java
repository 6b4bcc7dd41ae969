package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.EventChannel;
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
 * <p>Confirm before condemning. The filter and a hinted mark are hypotheses: before a negative verdict the cursor
 * asks {@link #confirm}, which reads the list plainly ({@link PlainRead}: {@code after_id} from the mark found by
 * reading, no {@code types}). When the plain read lists an event of the asked types that the filtered reads did not
 * (and a filtered read sent after it still does not), the plain read decides: its events go to the cursor, the
 * feed reads plainly from there, and the run stops using the filter ({@link Support#DISAGREES}, with the evidence).
 * A feed whose reads used no hypothesis needs no confirmation and sends nothing.
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
    /** When the feed was created: before any action it watches. */
    private final long createdNanos = System.nanoTime();
    private String lastId;
    /** The mark {@link #markEnd} found (null: the list was empty, or no mark was taken). */
    private String mark;
    /** Its type, when the read that found it showed it (for evidence). */
    private String markType;
    private boolean markFromHint;
    /** Filtered pages the target answered with a list since the mark: reads that rest on the filter. */
    private int filteredAnswers;
    private PlainRead plain;
    private ApiResponse lastPage;
    private boolean behind;
    private boolean filtered;
    private int pagesRead;
    /**
     * When the last read that reached the list's end went out (its answering attempt); see Observed. It starts at
     * the feed's creation: before any action the feed watches, so it can never make an event look late.
     */
    private long endSeenNanos = createdNanos;
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
     * An unfiltered feed positioned after {@code after} (null: the session's start) whose reads count events as
     * absent only since {@code absentSinceNanos}: the pager of a {@link PlainRead}.
     */
    static PollingFeed plain(EventsApi api, String sessionId, String after, long absentSinceNanos) {
        PollingFeed feed = new PollingFeed(api, sessionId);
        feed.lastId = after;
        feed.endSeenNanos = absentSinceNanos;
        return feed;
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
            mark = hint;
            markFromHint = true;
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
                    mark = candidate;
                    markType = newest.events().get(0).type();
                    return candidate;
                }
                if (readable(next)) {
                    noteIfIgnored(candidate);
                    lastId = candidate; // why: whichever it is, everything after it is read below
                }
            }
        }
        mark = skipToEnd();
        return mark;
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

    /** True when {@link #markEnd} took the hint as the mark. */
    boolean markFromHint() {
        return markFromHint;
    }

    /** The newest event id the feed has read (its position). */
    String lastId() {
        return lastId;
    }

    /** When the last read that reached the list's end went out (see {@link Observed}). */
    long endSeenNanos() {
        return endSeenNanos;
    }

    /** The last list request the feed sent, as its exchange summary ("" before any). */
    String lastRequest() {
        return lastPage == null || lastPage.exchange() == null ? "" : lastPage.exchange().summary();
    }

    /**
     * Confirms what this feed's reads did not show, before a negative verdict: see the class comment. Sends nothing
     * when the feed used no hypothesis since its mark (no filtered page answered, or the target was seen to ignore
     * the filter, and a mark found by reading).
     *
     * @param known whether the cursor already holds an event (by id)
     */
    @Override
    public Confirmation confirm(Predicate<String> known, Duration probeBound) {
        boolean filteredReads = filteredAnswers > 0 && capabilities.of(Parameter.LIST_TYPES) != Support.IGNORED;
        if (!filteredReads && !markFromHint) {
            return Confirmation.NOT_NEEDED;
        }
        PlainRead reader = plainRead();
        List<Observed> listed = reader.readToEnd();
        if (!reader.markLocated()) {
            String evidence = "the hook's last_event_id " + mark + " was taken as the newest event of session "
                    + sessionId + " (after_id=" + mark + "&limit=1 listed nothing), but the list read without it "
                    + reader.from() + " does not contain it (" + reader.lastRequest() + ")";
            capabilities.disagrees(Parameter.LAST_EVENT_ID_HINT, evidence);
            adopt(reader);
            return new Confirmation(reader.unlocated(), true, "the plain read decides: " + evidence);
        }
        List<Observed> missed = listed.stream()
                .filter(o -> relevant(o) && o.event().id() != null && !known.test(o.event().id())).toList();
        if (missed.isEmpty()) {
            return Confirmation.standing("a plain read without types " + reader.from() + " agrees ("
                    + reader.lastRequest() + ")");
        }
        String filteredRequest = lastRequest();
        List<Observed> again = take(); // why: sent after the plain read answered; an event it lists now was just new
        Set<String> listedAgain = again.stream().map(o -> o.event().id()).collect(Collectors.toSet());
        List<Observed> hidden = missed.stream().filter(o -> !listedAgain.contains(o.event().id())).toList();
        if (hidden.isEmpty()) {
            return new Confirmation(again, false, "");
        }
        String markNote = markType == null || markFromHint || mark == null ? "" : " (" + markType + ")";
        String evidence = "session " + sessionId + ": reads with types (" + filteredRequest + "; again after the"
                + " plain read: " + lastRequest() + ") did not list " + Confirmation.briefs(hidden) + ", which the list read"
                + " without types " + reader.from() + markNote + " shows (" + reader.lastRequest() + ")"
                + FilterProbe.fromTheStart(api, sessionId, types, hidden);
        capabilities.disagrees(markFromHint && !filteredReads ? Parameter.LAST_EVENT_ID_HINT : Parameter.LIST_TYPES,
                evidence);
        adopt(reader);
        List<Observed> decided = new ArrayList<>(listed);
        Set<String> ids = listed.stream().map(o -> o.event().id()).collect(Collectors.toCollection(HashSet::new));
        again.stream().filter(o -> !ids.contains(o.event().id())).forEach(decided::add);
        return new Confirmation(decided, true, "the plain read decides: " + evidence);
    }

    private PlainRead plainRead() {
        if (plain == null) {
            plain = new PlainRead(api, sessionId, markFromHint ? null : mark, markFromHint ? mark : null,
                    createdNanos, types.isEmpty() ? EventMatcher.JUDGED_TYPES : types);
        }
        return plain;
    }

    private boolean relevant(Observed observed) {
        return (types.isEmpty() ? EventMatcher.JUDGED_TYPES : types).contains(observed.event().type());
    }

    /** From now on the feed reads plainly from where {@code reader} ended, with what it proved absent. */
    private void adopt(PlainRead reader) {
        filtered = false;
        filteredAnswers = 0;
        markFromHint = false;
        lastId = reader.lastId();
        endSeenNanos = reader.endSeenNanos();
    }

    /**
     * Another cursor found the filter disagreeing with a plain read: what this feed's filtered reads showed (and
     * proved absent) is not believed; it reads again from its mark, plainly, as if it had just opened.
     */
    private void distrustFilteredReads() {
        if (filteredAnswers > 0 && capabilities.of(Parameter.LIST_TYPES) == Support.DISAGREES) {
            filtered = false;
            filteredAnswers = 0;
            lastId = mark;
            endSeenNanos = createdNanos;
        }
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
        distrustFilteredReads();
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
