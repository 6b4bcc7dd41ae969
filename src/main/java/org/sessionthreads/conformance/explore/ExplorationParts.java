package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.explore.model.ArchiveModel;

/**
 * The one place where the parts of exploration behind the shared interfaces are chosen: the {@link EventOracle}
 * (every event view, the mailbox, the waiting coordinator) and the {@link ConcurrentExploration} (linearizability of
 * concurrent histories). Until their implementations are plugged in here, {@link #PLACEHOLDER_EVENTS} and
 * {@link #PLACEHOLDER_CONCURRENCY} stand in: they judge nothing and say so in the report.
 */
public final class ExplorationParts {
    /** Placeholder: judges no event view; the report says events were not judged. */
    public static final EventOracle PLACEHOLDER_EVENTS = facts -> List.of();
    /** Placeholder: explores no concurrent history; the report says so. */
    public static final ConcurrentExploration PLACEHOLDER_CONCURRENCY = (fixture, clients) -> List.of();

    private ExplorationParts() {
    }

    /** The event oracle of a run. */
    public static EventOracle events(EventsApi events, ArchiveModel model) {
        return PLACEHOLDER_EVENTS;
    }

    /** The concurrent exploration of a run. */
    public static ConcurrentExploration concurrency(ThreadsApi threads, EventsApi events, ArchiveModel model) {
        return PLACEHOLDER_CONCURRENCY;
    }

    /** Whether {@code oracle} is the placeholder (the report then says the event views were not judged). */
    public static boolean placeholder(Object part) {
        return part == PLACEHOLDER_EVENTS || part == PLACEHOLDER_CONCURRENCY;
    }
}
