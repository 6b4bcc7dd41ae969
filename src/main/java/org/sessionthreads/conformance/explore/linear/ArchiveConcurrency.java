package org.sessionthreads.conformance.explore.linear;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.events.EventHistory;
import org.sessionthreads.conformance.explore.ConcurrentExploration;
import org.sessionthreads.conformance.explore.Violation;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Concurrent histories on the archive page: rounds of {@code clients} clients on one fixture at once (a fresh
 * fixture of the same kind for each round after the first, while the request budget lasts), every invocation and
 * answer recorded, each round's history checked for linearizability against {@link ArchivePageModel} and, when it
 * is not, shrunk to the smallest sub-history that proves it and printed as a {@link Timeline}. A round whose check
 * runs over its search budget proves nothing and is not reported.
 */
public final class ArchiveConcurrency implements ConcurrentExploration {
    /** Requests a call of {@link #explore} may send by default, fixtures included. */
    public static final int DEFAULT_REQUEST_BUDGET = 40;
    /** Configurations a round's check may explore. */
    public static final long SEARCH_BUDGET = 200_000;
    static final String RULE = "history.linearizable";

    private final ConcurrentRound rounds;
    private final Function<FixtureKind, Fixture> fresh;
    private final Readings readings;
    private final int requestBudget;
    private final Linearizability checker = new Linearizability(SEARCH_BUDGET);
    private int roundsRun;

    /**
     * @param threads       the archive, GET and list requests
     * @param events        the session's event list (for the delivery of a pending message)
     * @param waits         the run's waits (the quiet period after a delivery round)
     * @param fresh         a fresh fixture of a kind, for every round after the first
     * @param readings      the dialect's readings (re-archive answers, the archived status)
     * @param requestBudget requests a call may send, fixtures included (at least one round is run)
     */
    public ArchiveConcurrency(ThreadsApi threads, EventsApi events, Waits waits, Function<FixtureKind, Fixture> fresh,
                              Readings readings, int requestBudget) {
        this.rounds = new ConcurrentRound(threads, new EventHistory(events, Set.of()), waits);
        this.fresh = fresh;
        this.readings = readings;
        this.requestBudget = requestBudget;
    }

    @Override
    public List<Violation> explore(Fixture fixture, int clients) {
        int spent = 0;
        Fixture current = fixture;
        long start = System.nanoTime();
        for (int round = 1; ; round++) {
            ConcurrentRound.Recorded recorded = run(current, clients, round, start);
            spent += recorded.requests();
            Optional<Violation> violation = judge(recorded.history(), current.kind());
            if (violation.isPresent()) {
                return List.of(violation.get());
            }
            if (spent + recorded.requests() + 1 > requestBudget) {
                return List.of();
            }
            start = System.nanoTime();
            current = fresh.apply(fixture.kind());
            spent++;
        }
    }

    /** Rounds run by this instance so far (all calls together). */
    public int roundsRun() {
        return roundsRun;
    }

    private ConcurrentRound.Recorded run(Fixture fixture, int clients, int round, long start) {
        roundsRun++;
        if (fixture.kind() != FixtureKind.CHILD_WITH_PENDING_MESSAGE) {
            return rounds.simultaneous(fixture, clients);
        }
        Duration after = fixture.deliverAfter() == null ? Duration.ZERO : fixture.deliverAfter();
        return rounds.aroundDelivery(fixture, clients, start, start + after.toNanos() + offset(round, after));
    }

    /**
     * Where a round's archive is released around the message's due moment, counted from when the fixture was asked
     * for (from when the round started for the fixture handed to {@link #explore}): from −2 × spread to +spread over
     * four rounds, spread = min(100 ms, deliver_after / 4), so that with the archive's own latency some rounds
     * archive while a delivery is under way.
     */
    private static long offset(int round, Duration deliverAfter) {
        long spread = Math.min(Duration.ofMillis(100).toNanos(), deliverAfter.toNanos() / 4);
        return -2 * spread + ((round - 1) % 4) * spread;
    }

    /** The violation a round's history proves, if it proves one. */
    Optional<Violation> judge(History<ArchiveCall, ThreadReply> history, FixtureKind kind) {
        ArchivePageModel model = new ArchivePageModel(readings, kind == FixtureKind.RUNNING_CHILD ? ChildState.BUSY
                : ChildState.IDLE);
        if (checker.check(history, model).verdict() != Linearizability.Verdict.NOT_LINEARIZABLE) {
            return Optional.empty();
        }
        History<ArchiveCall, ThreadReply> shown = new Shrinker(checker).shrink(history, model);
        Linearizability.Result<ChildState> proof = checker.check(shown, model);
        String timeline = Timeline.render(history, shown, proof.stuck().orElse(null), model);
        boolean delivery = shown.operations().stream().anyMatch(op -> op.input().kind().byTarget());
        List<Exchange> evidence = new ArrayList<>();
        shown.operations().stream().filter(op -> !op.pending() && op.evidence() instanceof Exchange)
                .forEach(op -> evidence.add((Exchange) op.evidence()));
        return Optional.of(new Violation(delivery ? "CONC-002" : "CONC-001", RULE, "an order of the operations,"
                + " each taking effect once between its invocation and its answer (the target's own work: before the"
                + " read that showed it, in the order its events show), that the archive page's model accepts"
                + " (dialect " + readings.dialect().wireName() + ", archived status " + readings.archivedStatus()
                + ", readings.rearchive=" + readings.rearchive().name().toLowerCase(Locale.ROOT) + ")",
                timeline, evidence));
    }
}
