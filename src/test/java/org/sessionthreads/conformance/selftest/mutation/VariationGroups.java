package org.sessionthreads.conformance.selftest.mutation;

import static org.sessionthreads.conformance.refserver.Variation.AFTER_ID_WITHIN_TYPES;
import static org.sessionthreads.conformance.refserver.Variation.ASYNC_COORDINATOR_RESUME;
import static org.sessionthreads.conformance.refserver.Variation.CLOCK_BEHIND;
import static org.sessionthreads.conformance.refserver.Variation.DEPLOYMENT_PACE;
import static org.sessionthreads.conformance.refserver.Variation.ECHO_CREDENTIALS;
import static org.sessionthreads.conformance.refserver.Variation.ERROR_ENVELOPE_VARIANT;
import static org.sessionthreads.conformance.refserver.Variation.EXTRA_FIELDS;
import static org.sessionthreads.conformance.refserver.Variation.HAS_MORE_ON_FULL_PAGES;
import static org.sessionthreads.conformance.refserver.Variation.HUGE_HISTORY;
import static org.sessionthreads.conformance.refserver.Variation.INTERLEAVED_EVENTS;
import static org.sessionthreads.conformance.refserver.Variation.LATENCY_150;
import static org.sessionthreads.conformance.refserver.Variation.LATENCY_150_JITTER;
import static org.sessionthreads.conformance.refserver.Variation.LATENCY_400;
import static org.sessionthreads.conformance.refserver.Variation.LATENCY_400_JITTER;
import static org.sessionthreads.conformance.refserver.Variation.LATE_EVENTS;
import static org.sessionthreads.conformance.refserver.Variation.LIST_FILTERS_IGNORED;
import static org.sessionthreads.conformance.refserver.Variation.LIST_FILTERS_REJECTED;
import static org.sessionthreads.conformance.refserver.Variation.ONE_EVENT_PER_STREAM;
import static org.sessionthreads.conformance.refserver.Variation.OTHER_ID_SHAPES;
import static org.sessionthreads.conformance.refserver.Variation.RATE_LIMITED;
import static org.sessionthreads.conformance.refserver.Variation.REARCHIVE_CONFLICT;
import static org.sessionthreads.conformance.refserver.Variation.SSE_FRAMING_VARIANTS;
import static org.sessionthreads.conformance.refserver.Variation.TIMESTAMP_STYLES;
import static org.sessionthreads.conformance.refserver.Variation.TOOL_RESULT_CONTENT_AS_STRING;
import static org.sessionthreads.conformance.refserver.Variation.TWO_ITEM_PAGES;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.refserver.Variation;

/**
 * The variations of a dialect campaign ({@link DialectMutationScoreTest}), run in groups that compose: the server is
 * started with every variation of a group at once, so a dialect's readings are checked under all of them in seven
 * whole runs instead of one run per variation. The archive-page campaign ({@link MutationScoreTest}) still runs each
 * variation alone, so each has a run of its own in which nothing else can hide what it does.
 *
 * <p>How the groups are cut: variations that contradict each other ({@code LIST_FILTERS_IGNORED} and
 * {@code LIST_FILTERS_REJECTED}; two latencies, of which the server would keep the slowest) are never together, and
 * no group holds two that each multiply the requests or the time a run needs (latency, deployment pace, two-item
 * pages, a huge history, a rate limit, one event per stream), so a group costs about what its slowest member costs.
 * A group that raises a false alarm is run again member by member, so the failure names the
 * variation or says that only their combination fails.
 */
final class VariationGroups {
    static final List<Set<Variation>> GROUPS = List.of(
            // what the answers look like, on a near target
            EnumSet.of(EXTRA_FIELDS, OTHER_ID_SHAPES, TIMESTAMP_STYLES, ERROR_ENVELOPE_VARIANT, CLOCK_BEHIND,
                    TOOL_RESULT_CONTENT_AS_STRING, ECHO_CREDENTIALS, REARCHIVE_CONFLICT, LATENCY_150),
            // when and how the events come
            EnumSet.of(LATE_EVENTS, INTERLEAVED_EVENTS, ASYNC_COORDINATOR_RESUME, SSE_FRAMING_VARIANTS,
                    HAS_MORE_ON_FULL_PAGES, AFTER_ID_WITHIN_TYPES, LATENCY_150_JITTER),
            EnumSet.of(LIST_FILTERS_IGNORED, TWO_ITEM_PAGES),
            EnumSet.of(LIST_FILTERS_REJECTED, ONE_EVENT_PER_STREAM, LATENCY_400),
            EnumSet.of(RATE_LIMITED, LATENCY_400_JITTER),
            EnumSet.of(DEPLOYMENT_PACE),
            EnumSet.of(HUGE_HISTORY));

    private VariationGroups() {
    }

    /** The groups without {@code excluded} (a variation a dialect ignores), empty groups dropped. */
    static List<Set<Variation>> without(Set<Variation> excluded) {
        return GROUPS.stream().map(group -> {
            Set<Variation> kept = EnumSet.copyOf(group);
            kept.removeAll(excluded);
            return Collections.unmodifiableSet(kept);
        }).filter(group -> !group.isEmpty()).toList();
    }
}
