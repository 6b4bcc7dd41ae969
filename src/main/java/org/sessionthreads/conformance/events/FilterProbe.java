package org.sessionthreads.conformance.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.client.EventsApi;

/**
 * For the evidence of a disagreement between a filtered read and a plain one ({@link PollingFeed#confirm}): which of
 * the two ways a {@code types} filter can hide an event it was: a read with the types from the session's start
 * (where no {@code after_id} of another type is involved) either lists the hidden events, so the target resolves
 * {@code after_id} within the filtered list (a reading the docs leave open), or ends without them, so the filter
 * leaves out events of a type it names.
 */
final class FilterProbe {
    private FilterProbe() {
    }

    /**
     * "; a read with types from the session's start lists them (GET …): …", or "" when it cannot tell (the read
     * fails, is refused its filter, or does not end within {@value ListPager#PAGES_PER_READ} pages). Learns
     * nothing into the run's capabilities.
     */
    static String fromTheStart(EventsApi api, String sessionId, Set<String> types, List<Observed> hidden) {
        Set<String> wanted = hidden.stream().map(o -> o.event().id()).collect(Collectors.toSet());
        Set<String> found = new HashSet<>();
        ListPager probe = new ListPager(api, sessionId, new ListCapabilities(), types, System.nanoTime());
        try {
            probe.readPages(ListPager.PAGES_PER_READ, o -> found.add(o.event().id()));
        } catch (EventObservationException unreadable) {
            return "";
        }
        if (!probe.filtered()) {
            return "";
        }
        if (found.containsAll(wanted)) {
            return "; a read with types from the session's start lists them (" + probe.lastRequest() + "): the"
                    + " target resolves after_id within the type-filtered list";
        }
        return probe.behind() ? "" : "; a read with types from the session's start does not list them either ("
                + probe.lastRequest() + "): the filter leaves out events of a type it names";
    }
}
