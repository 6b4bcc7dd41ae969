package org.sessionthreads.conformance.explore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.fixture.Fixture;
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
        History found = once(kind);
        if (found.violations().isEmpty()) {
            return List.of();
        }
        List<Violation> again = once(kind).violations();
        FindingReplay replay = FindingReplay.concurrent(clients, found.on());
        return found.violations().stream().map(v -> new Finding(v.requirementId(), v.rule(), kind,
                List.of(clients + " clients archiving and reading at once"), v.allowed(), v.observed(),
                again.stream().anyMatch(a -> a.requirementId().equals(v.requirementId()) && a.rule().equals(v.rule())),
                1, v.evidence(), replay)).toList();
    }

    private History once(FixtureKind kind) {
        try (Fixtures made = fixtures.get()) {
            Fixture fixture = made.obtain(kind);
            return new History(concurrency.explore(fixture, clients),
                    Optional.of(new RanOn(fixture, null, null, Duration.ZERO)));
        } catch (Untestable | TransportException nothingJudged) {
            return new History(List.of(), Optional.empty());
        }
    }

    /** What one concurrent history broke, and the fixture it ran on. */
    private record History(List<Violation> violations, Optional<RanOn> on) {
    }
}
