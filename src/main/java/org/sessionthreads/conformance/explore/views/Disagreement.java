package org.sessionthreads.conformance.explore.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.sessionthreads.conformance.client.Exchange;

/**
 * One way a view differs from the plain log: an event the log lists that the view does not ({@link Kind#MISSING}),
 * one the view lists that the log does not ({@link Kind#EXTRA}), or one the view lists twice ({@link Kind#REPEATED}).
 *
 * @param view     the view's name, e.g. {@code list order=desc}
 * @param evidence the view's request(s)
 */
record Disagreement(String view, Kind kind, Seen event, List<Exchange> evidence) {
    enum Kind { MISSING, EXTRA, REPEATED }

    /**
     * Compares the events of a list view, in its order, with the plain log on the window they share: from the
     * log's start when the view was read from its list's start ({@code fromTheStart}: it covers all the log), else
     * from the first event both list; to the end of the log when {@code toTheEnd}, else to the last event both
     * list. Only log events {@code inScope} (the view's thread, its types) are expected in the view.
     */
    static List<Disagreement> compare(String view, List<Seen> listed, PlainLog log, Predicate<Seen> inScope,
                                      boolean fromTheStart, boolean toTheEnd, List<Exchange> evidence) {
        List<Disagreement> found = new ArrayList<>();
        Map<String, Integer> times = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int lastShared = -1;
        int firstShared = -1;
        for (int i = 0; i < listed.size(); i++) {
            Seen event = listed.get(i);
            if (times.merge(event.id(), 1, Integer::sum) == 2) {
                found.add(new Disagreement(view, Kind.REPEATED, event, evidence));
            }
            int at = log.positionOf(event.id());
            if (at >= 0) {
                first = Math.min(first, at);
                lastShared = Math.max(lastShared, at);
                firstShared = firstShared < 0 ? i : firstShared;
            } else if (firstShared >= 0) {
                found.add(new Disagreement(view, Kind.EXTRA, event, evidence));
            }
        }
        if (fromTheStart) {
            first = 0;
        } else if (lastShared < 0) {
            return found;
        }
        int end = toTheEnd ? log.size() - 1 : lastShared;
        Set<String> ids = new HashSet<>(times.keySet());
        for (int at = first; at <= end; at++) {
            Seen expected = log.get(at);
            if (inScope.test(expected) && !ids.contains(expected.id())) {
                found.add(new Disagreement(view, Kind.MISSING, expected, evidence));
            }
        }
        return found;
    }

    String describe() {
        return switch (kind) {
            case MISSING -> view + " does not list " + event.brief() + ", which the plain event list shows";
            case EXTRA -> view + " lists " + event.brief() + ", which the plain event list does not";
            case REPEATED -> view + " lists " + event.brief() + " twice";
        };
    }
}
