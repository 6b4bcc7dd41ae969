package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.TransportException;

/**
 * The plain read that confirms a cursor's optimised reads before a negative verdict ("confirm before condemning",
 * docs/event-reading.md): the session's event list with {@code after_id} only, no {@code types}, no hint. It starts
 * after the cursor's mark when the mark was found by reading the list, and at the session's start when it came from
 * a hint (which must then be found in the list: events count only after it) or the list was empty. Each call reads
 * on from where the last one ended, to the list's end, so a second confirmation costs what was appended since.
 *
 * <p>What it proves about timing is its own: an event it lists was absent only until the last plain read that
 * reached the end without it (at first, the moment the cursor opened), never until a filtered read's "end".
 *
 * <p>Bounds: {@value ListPager#PAGES_TO_SKIP} pages per call (a list that does not end cannot confirm anything:
 * {@link EventObservationException}); of the events read, those of the {@code relevant} types are all kept and
 * the others up to {@value #OTHERS_KEPT} per call, as the cursor keeps them.
 */
final class PlainRead {
    /** Events of other than the relevant types kept per call. */
    static final int OTHERS_KEPT = SeenEvents.KEEP_ALL_UP_TO;
    private final ListPager pager;
    private final Set<String> relevant;
    private final String from;
    private String awaitedHint;
    private final List<Observed> beforeHint = new ArrayList<>();
    /** An event looked for ({@link #notShownAfter}), and whether it was listed before the hint. */
    private String sought;
    private boolean soughtBeforeHint;

    /**
     * @param mark             the cursor's mark found by reading, or null (the list was empty, or a hint is given)
     * @param hint             the mark when it came from a hint: read from the start and count events after it
     * @param absentSinceNanos when the cursor opened: no event after the mark was there before
     * @param relevant         the types always kept (empty: every type)
     */
    PlainRead(EventsApi api, String sessionId, String mark, String hint, long absentSinceNanos,
              Set<String> relevant) {
        this.pager = ListPager.unfiltered(api, sessionId, hint != null ? null : mark, absentSinceNanos);
        this.awaitedHint = hint;
        this.relevant = Set.copyOf(relevant);
        this.from = hint != null ? "from the session's start (the mark " + hint + " came from the fixture hook)"
                : mark != null ? "after the cursor's mark " + mark : "from the session's start";
    }

    /**
     * The events listed after the mark that this call read, oldest first (see the class comment for what is kept).
     * While a hint has not been found in the list, nothing counts as after the mark; see {@link #unlocated()}.
     *
     * @throws EventObservationException when the list cannot be read or does not end
     */
    List<Observed> readToEnd() {
        List<Observed> after = new ArrayList<>();
        int[] others = {0};
        int pages = 0;
        do {
            int before = pager.pagesRead();
            pager.readPages(ListPager.PAGES_PER_READ, observed -> {
                if (awaitedHint != null) {
                    soughtBeforeHint |= sought != null && sought.equals(observed.event().id());
                    if (awaitedHint.equals(observed.event().id())) {
                        awaitedHint = null;
                        beforeHint.clear();
                    } else {
                        keep(beforeHint, observed, others);
                    }
                    return;
                }
                keep(after, observed, others);
            });
            pages += pager.pagesRead() - before;
            if (pages >= ListPager.PAGES_TO_SKIP && pager.behind()) {
                throw new EventObservationException(EventObservationException.Cause.EVENT_LIST_UNREADABLE,
                        "the plain read that confirms the cursor's reads did not reach the end of the list within "
                                + ListPager.PAGES_TO_SKIP + " pages (has_more stayed true); last: "
                                + pager.lastRequest());
            }
        } while (pager.behind());
        return after;
    }

    /**
     * Whether a plain read from the session's start fails to show {@code eventId} after {@code hint}: it lists the
     * event at or before the hint, or it does not list the hint at all (then nothing it lists is known to follow
     * the hint). A sighting of such an event through a cursor placed after the hint is no evidence of what
     * happened after it. False when the list cannot be read: the sighting is then all the evidence there is.
     */
    static boolean notShownAfter(EventsApi api, String sessionId, String hint, String eventId) {
        PlainRead read = new PlainRead(api, sessionId, null, hint, System.nanoTime(), Set.of());
        read.sought = eventId;
        try {
            read.readToEnd();
        } catch (EventObservationException | TransportException unreadable) {
            return false;
        }
        return !read.markLocated() || read.soughtBeforeHint || eventId.equals(hint);
    }

    /** False while the hint the mark came from has not been found in the list (after a read to its end: never). */
    boolean markLocated() {
        return awaitedHint == null;
    }

    /** When the hint was not found: the events the list holds (kept as {@link #readToEnd()} keeps them). */
    List<Observed> unlocated() {
        return List.copyOf(beforeHint);
    }

    /** The last request this read sent, as {@code GET … → 200 (request_id …, 3 ms)}. */
    String lastRequest() {
        return pager.lastRequest();
    }

    /** Where the read started, for evidence: "after the cursor's mark evt_…", "from the session's start". */
    String from() {
        return from;
    }

    /** The newest event id it listed (the mark while it listed none). */
    String lastId() {
        return pager.lastId();
    }

    /** When its last read that reached the list's end went out. */
    long endSeenNanos() {
        return pager.endSeenNanos();
    }

    private void keep(List<Observed> into, Observed observed, int[] others) {
        if (relevant.isEmpty() || relevant.contains(observed.event().type())) {
            into.add(observed);
        } else if (others[0]++ < OTHERS_KEPT) {
            into.add(observed);
        }
    }
}
