package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;

/**
 * The polling channel: each {@link #take()} reads the pages after the last event id seen through its
 * {@link ListPager}, at most {@value #PAGES_PER_READ} pages (a session flooded with events, or a list that claims
 * {@code has_more} forever, cannot hold a wait's poll for long: the next poll goes on where this one stopped).
 *
 * <p>Reading less. The feed asks the list for the judged types only while the target is not known to lack them
 * (the pager checks every page); {@link #markEnd} finds the cursor's mark with a constant number of requests where
 * the target allows ({@link NewestMark}). What was learnt goes to the run's {@link ListCapabilities}.
 *
 * <p>Confirm before condemning. The filter and a hinted mark are hypotheses: before a negative verdict the cursor
 * asks {@link #confirm}, which reads the list plainly ({@link PlainRead}: {@code after_id} from the mark found by
 * reading, no {@code types}). When the plain read lists an event of the asked types that the filtered reads did not
 * (and a filtered read sent after it still does not), the plain read decides: its events go to the cursor, the
 * feed reads plainly from there, and the run stops using the filter ({@link Support#DISAGREES}, with the evidence).
 * A feed whose reads used no hypothesis needs no confirmation and sends nothing.
 */
final class PollingFeed implements EventFeed {
    /** Pages one {@link #take()} reads at most (with the suite's page size, 5,000 events). */
    static final int PAGES_PER_READ = ListPager.PAGES_PER_READ;
    private final EventsApi api;
    private final String sessionId;
    private final ListCapabilities capabilities;
    private final Set<String> types;
    /** When the feed was created: before any action it watches, so it can never make an event look late. */
    private final long createdNanos = System.nanoTime();
    private final ListPager pager;
    /** The mark {@link #markEnd} found (id null: the list was empty, or no mark was taken). */
    private NewestMark mark = NewestMark.NONE;
    private PlainRead plain;

    /** A feed of every event type (tests). */
    PollingFeed(EventsApi api, String sessionId) {
        this(api, sessionId, new ListCapabilities(), Set.of());
    }

    /** A feed that asks for {@code types} only (none: every type) while the target is not known to lack it. */
    PollingFeed(EventsApi api, String sessionId, ListCapabilities capabilities, Set<String> types) {
        this.api = api;
        this.sessionId = sessionId;
        this.capabilities = capabilities;
        this.types = Set.copyOf(types);
        this.pager = new ListPager(api, sessionId, capabilities, types, createdNanos);
    }

    /**
     * Positions the feed after the newest event listed now and returns its id (null for an empty list), at the
     * cost {@link NewestMark} states: 1 request with a confirmed {@code hint}, 2 newest first, else a read to the
     * end of the list.
     */
    String markEnd(String hint) {
        mark = NewestMark.find(api, sessionId, capabilities, pager, hint);
        return mark.id();
    }

    /**
     * Positions the feed after {@code eventId}, taken as given: nothing is sent, and the first {@link #take()} reads
     * from there. For a mark known from elsewhere (the fixture hook's {@code last_event_id}) when the moment before
     * the act must stay free of requests.
     */
    void placeAfter(String eventId) {
        mark = NewestMark.placedAfter(eventId);
        pager.positionAfter(eventId);
    }

    @Override
    public List<Observed> take() {
        distrustFilteredReads();
        List<Observed> read = new ArrayList<>();
        pager.readPages(PAGES_PER_READ, read::add);
        return read;
    }

    /** True when the last take stopped at its page bound with more pages listed. */
    @Override
    public boolean behind() {
        return pager.behind();
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
        boolean filteredReads = pager.filteredAnswers() > 0
                && capabilities.of(Parameter.LIST_TYPES) != Support.IGNORED;
        if (!filteredReads && !mark.fromHint()) {
            return Confirmation.NOT_NEEDED;
        }
        PlainRead reader = plainRead();
        List<Observed> listed = reader.readToEnd();
        if (!reader.markLocated()) {
            String evidence = mark.notListedEvidence(sessionId, reader);
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
        String filteredRequest = pager.lastRequest();
        List<Observed> again = take(); // why: sent after the plain read answered; an event it lists now was just new
        Set<String> listedAgain = again.stream().map(o -> o.event().id()).collect(Collectors.toSet());
        List<Observed> hidden = missed.stream().filter(o -> !listedAgain.contains(o.event().id())).toList();
        if (hidden.isEmpty()) {
            return new Confirmation(again, false, "");
        }
        String markNote = mark.type() == null || mark.fromHint() || mark.id() == null ? "" : " (" + mark.type() + ")";
        String evidence = "session " + sessionId + ": reads with types (" + filteredRequest + "; again after the"
                + " plain read: " + pager.lastRequest() + ") did not list " + Confirmation.briefs(hidden)
                + ", which the list read without types " + reader.from() + markNote + " shows ("
                + reader.lastRequest() + ")" + FilterProbe.fromTheStart(api, sessionId, types, hidden);
        capabilities.disagrees(mark.fromHint() && !filteredReads ? Parameter.LAST_EVENT_ID_HINT
                : Parameter.LIST_TYPES, evidence);
        adopt(reader);
        List<Observed> decided = new ArrayList<>(listed);
        Set<String> ids = listed.stream().map(o -> o.event().id()).collect(Collectors.toCollection(HashSet::new));
        again.stream().filter(o -> !ids.contains(o.event().id())).forEach(decided::add);
        return new Confirmation(decided, true, "the plain read decides: " + evidence);
    }

    @Override
    public boolean notShownAfterMark(String eventId) {
        return mark.fromHint() && PlainRead.notShownAfter(api, sessionId, mark.id(), eventId);
    }

    /** One plain read per feed: each confirmation goes on where the last one ended. */
    private PlainRead plainRead() {
        if (plain == null) {
            plain = new PlainRead(api, sessionId, mark.fromHint() ? null : mark.id(),
                    mark.fromHint() ? mark.id() : null, createdNanos,
                    types.isEmpty() ? EventMatcher.JUDGED_TYPES : types);
        }
        return plain;
    }

    private boolean relevant(Observed observed) {
        return (types.isEmpty() ? EventMatcher.JUDGED_TYPES : types).contains(observed.event().type());
    }

    /** From now on the feed reads plainly from where {@code reader} ended, with what it proved absent. */
    private void adopt(PlainRead reader) {
        mark = mark.located();
        pager.readPlainlyFrom(reader.lastId(), reader.endSeenNanos());
    }

    /**
     * Another cursor found the filter disagreeing with a plain read: what this feed's filtered reads showed (and
     * proved absent) is not believed; it reads again from its mark, plainly, as if it had just opened.
     */
    private void distrustFilteredReads() {
        if (pager.filteredAnswers() > 0 && capabilities.of(Parameter.LIST_TYPES) == Support.DISAGREES) {
            pager.readPlainlyFrom(mark.id(), createdNanos);
        }
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
