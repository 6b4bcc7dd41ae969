package org.sessionthreads.conformance.explore;

import java.util.List;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.outcome.Untestable;

/**
 * The concurrent part of an exploration: the {@link ConcurrentExploration} on a fresh fixture of a kind; each
 * violation (a history that is not linearizable, shrunk by the part itself) is confirmed by exploring a second fresh
 * fixture of the kind, which must break the same rule.
 */
final class ConcurrentPass {
    private final ConcurrentExploration concurrency;
    private final Supplier<Fixtures> fixtures;
    private final int clients;

    ConcurrentPass(ConcurrentExploration concurrency, Supplier<Fixtures> fixtures, int clients) {
        this.concurrency = concurrency;
        this.fixtures = fixtures;
        this.clients = clients;
    }

    List<Finding> run(FixtureKind kind) {
        List<Violation> found = once(kind);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Violation> again = once(kind);
        return found.stream().map(v -> new Finding(v.requirementId(), v.rule(), kind,
                List.of(clients + " clients archiving and reading at once"), v.allowed(), v.observed(),
                again.stream().anyMatch(a -> a.requirementId().equals(v.requirementId()) && a.rule().equals(v.rule())),
                1, v.evidence())).toList();
    }

    private List<Violation> once(FixtureKind kind) {
        try (Fixtures made = fixtures.get()) {
            return concurrency.explore(made.obtain(kind), clients);
        } catch (Untestable | TransportException nothingJudged) {
            return List.of();
        }
    }
}
