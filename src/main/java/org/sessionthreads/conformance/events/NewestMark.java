package org.sessionthreads.conformance.events;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;

/**
 * A cursor's mark: the newest event the session's list holds when the cursor opens, found with a constant number
 * of requests where the target allows (docs/event-reading.md, "What the cursor does"). In this order:
 * <ol>
 *   <li>a hint (the fixture hook's {@code last_event_id}) that {@code after_id=hint&limit=1} confirms: 1 request;
 *       a stale or unknown hint costs that request only;</li>
 *   <li>newest first, {@code order=desc&limit=1}, confirmed the same way: 2 requests. A 400 marks {@code order}
 *       REJECTED; a candidate followed by more that equals the oldest event marks it IGNORED (1 more request);</li>
 *   <li>else a read to the end of the list ({@link ListPager#skipToEnd()}), from the newest point known.</li>
 * </ol>
 * Only evidence changes the run's {@link ListCapabilities}: a candidate followed by more that is not the oldest
 * event (events appended between the two requests) makes this mark read forward, nothing else.
 *
 * @param id       the mark (null: the list was empty)
 * @param type     its type, when the read that found it showed it (for evidence)
 * @param fromHint true when the hint was taken as the mark: a hypothesis the plain read must confirm
 * @param placed   true when the hint was taken as given, without a request ({@link #placedAfter})
 */
record NewestMark(String id, String type, boolean fromHint, boolean placed) {
    /** No mark: the list was empty, or no mark was taken. */
    static final NewestMark NONE = new NewestMark(null, null, false, false);

    NewestMark(String id, String type, boolean fromHint) {
        this(id, type, fromHint, false);
    }

    /**
     * A mark taken as given ({@code SessionEvents.placedAfter}): the hook's {@code last_event_id}, no request sent.
     * Like any hint it is a hypothesis: a plain read counts only what the list holds after it.
     */
    static NewestMark placedAfter(String eventId) {
        return new NewestMark(eventId, null, true, true);
    }

    /** This mark, no longer a hypothesis (a plain read located it). */
    NewestMark located() {
        return new NewestMark(id, type, false, false);
    }

    /** The evidence when a plain read did not find this hinted mark in the list. */
    String notListedEvidence(String sessionId, PlainRead reader) {
        return "the hook's last_event_id " + id + " was taken as the newest event of session " + sessionId
                + (placed ? " (the cursor was placed after it without a request)"
                : " (after_id=" + id + "&limit=1 listed nothing)") + ", but the list read without it "
                + reader.from() + " does not contain it (" + reader.lastRequest() + ")";
    }

    /**
     * Finds the mark and leaves {@code pager} positioned after it (the pager's requests count as the mark's).
     *
     * @param hint an event id believed to be the newest, or null
     */
    static NewestMark find(EventsApi api, String sessionId, ListCapabilities capabilities, ListPager pager,
                           String hint) {
        if (hint != null && isNewest(api, sessionId, hint)) {
            pager.positionAfter(hint);
            return new NewestMark(hint, null, true);
        }
        if (capabilities.of(Parameter.NEWEST_FIRST).worthTrying()) {
            ApiResponse newest = api.newest(sessionId);
            if (newest.status() == 400) {
                capabilities.lacks(Parameter.NEWEST_FIRST, Support.REJECTED);
            } else if (ListPager.readable(newest) && newest.events().isEmpty() && !newest.hasMore()) {
                return NONE; // an empty list, in either order
            } else if (ListPager.readable(newest) && newest.events().size() == 1
                    && newest.events().get(0).id() != null) {
                String candidate = newest.events().get(0).id();
                ApiResponse next = api.oneAfter(sessionId, candidate);
                if (ListPager.readable(next) && next.events().isEmpty()) {
                    if (newest.hasMore()) {
                        capabilities.works(Parameter.NEWEST_FIRST); // why: more than one event, the newest came
                    }
                    pager.positionAfter(candidate);
                    return new NewestMark(candidate, newest.events().get(0).type(), false);
                }
                if (ListPager.readable(next)) {
                    noteIfIgnored(api, sessionId, capabilities, candidate);
                    pager.positionAfter(candidate); // why: whichever it is, everything after it is read below
                }
            }
        }
        return new NewestMark(pager.skipToEnd(), null, false);
    }

    private static boolean isNewest(EventsApi api, String sessionId, String hint) {
        ApiResponse next = api.oneAfter(sessionId, hint);
        return ListPager.readable(next) && next.events().isEmpty() && !next.hasMore();
    }

    /** The newest-first candidate was followed by more: it is the oldest event when {@code order} was ignored. */
    private static void noteIfIgnored(EventsApi api, String sessionId, ListCapabilities capabilities,
                                      String candidate) {
        ApiResponse oldest = api.oneAfter(sessionId, null);
        if (ListPager.readable(oldest) && !oldest.events().isEmpty()
                && candidate.equals(oldest.events().get(0).id())) {
            capabilities.lacks(Parameter.NEWEST_FIRST, Support.IGNORED);
        }
    }
}
