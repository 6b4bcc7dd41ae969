package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.fixture.Fixture;

/**
 * Runs {@code clients} clients at once on one fixture (archives and reads of the same threads), records every
 * invocation and answer with monotonic times, and checks the history for linearizability against the model. A
 * violation's {@link Violation#observed()} is the smallest sub-history that proves it, printed as a timeline.
 */
public interface ConcurrentExploration {
    List<Violation> explore(Fixture fixture, int clients);
}
