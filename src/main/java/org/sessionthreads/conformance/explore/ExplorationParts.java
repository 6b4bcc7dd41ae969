package org.sessionthreads.conformance.explore;

import java.util.function.Function;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.explore.linear.ArchiveConcurrency;
import org.sessionthreads.conformance.explore.views.ViewsOracle;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.waits.Waits;

/**
 * The one place where the parts of exploration behind the shared interfaces are chosen: the {@link EventOracle}
 * ({@code explore.views.ViewsOracle}: every event view, the mailbox, the waiting coordinator) and the
 * {@link ConcurrentExploration} ({@code explore.linear.ArchiveConcurrency}: linearizability of concurrent histories).
 */
public final class ExplorationParts {
    private ExplorationParts() {
    }

    /**
     * The event oracle of a run ({@code streams}: null when the profile's event channels do not list sse); close it
     * when the exploration ends (its live streams).
     */
    public static ViewsOracle events(EventsApi events, EventStreamApi streams, Waits waits, Readings readings,
                                     RequirementCatalogue catalogue) {
        return new ViewsOracle(events, streams, waits, readings.dialect(), catalogue);
    }

    /** The concurrent exploration of a run: rounds on fixtures from {@code fresh}, within {@code requestBudget}. */
    public static ConcurrentExploration concurrency(ThreadsApi threads, EventsApi events, Waits waits,
                                                    Function<FixtureKind, Fixture> fresh, Readings readings,
                                                    int requestBudget) {
        return new ArchiveConcurrency(threads, events, waits, fresh, readings, requestBudget);
    }
}
