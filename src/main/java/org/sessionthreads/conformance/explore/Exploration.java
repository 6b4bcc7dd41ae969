package org.sessionthreads.conformance.explore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.explore.model.ArchiveModel;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Bounded exhaustive exploration: from each fixture kind every sequence the {@link SequenceEnumerator} gives, run on
 * fresh fixtures ({@code parallel} at once, in a fixed order, within the request budget) and judged against the
 * {@link ArchiveModel}; each rule broken is shrunk ({@link Shrinker}) to a minimal sequence and replayed on fresh
 * fixtures before it is reported ({@link Finding#confirmed()}).
 *
 * <pre>{@code
 * ExplorationReport report = new Exploration(threads, fixtures, model, events, concurrency, waits, settings).run();
 * report.confirmed("ARCH-004");   // findings that fail ARCH-004
 * }</pre>
 */
public final class Exploration {
    /** Failing sequences of one rule tried in turn until one reproduces on fresh fixtures. */
    static final int CANDIDATES = 3;
    /**
     * Round trips between a sequence's fixture arriving and its first step, for the fixture window ({@code window_ms},
     * how long the hook keeps a pending message queued): the event list, the stream's subscription, the child, the
     * coordinator and the thread list, about 8 requests, which with 16 sequences at once on the 2-core machine took
     * 0.5-2 s against discovery's round trips of about 60 ms (p90), so about 30 of those.
     */
    public static final int ROUND_TRIPS_BEFORE_STEP = 40;
    private final SequenceRun runner;
    private final ThreadsApi threads;
    private final Supplier<Fixtures> fixtures;
    private final SequenceEnumerator enumerator;
    private final ExploreSettings settings;
    private final ConcurrentPass concurrent;
    private final RequestBudget budget;

    public Exploration(ThreadsApi threads, Supplier<Fixtures> fixtures, ArchiveModel model, EventOracle events,
                       ConcurrentExploration concurrency, Waits waits, ExploreSettings settings) {
        this.runner = new SequenceRun(threads, fixtures, model, events, waits, settings.settle());
        this.threads = threads;
        this.fixtures = fixtures;
        this.enumerator = new SequenceEnumerator(model);
        this.settings = settings;
        this.concurrent = new ConcurrentPass(concurrency, fixtures, settings.clients());
        this.budget = new RequestBudget(settings.budget());
    }

    public ExplorationReport run() {
        long start = System.nanoTime();
        Map<FixtureKind, List<List<Step>>> planned = new LinkedHashMap<>();
        for (FixtureKind kind : FixtureKind.values()) {
            planned.put(kind, enumerator.sequences(kind, settings.depth()));
        }
        Map<FixtureKind, List<Optional<SequenceResult>>> results;
        List<Future<List<Finding>>> histories = new ArrayList<>();
        ExecutorService pool = pool();
        try (Fixtures shared = fixtures.get()) {
            Bystander bystander;
            try {
                budget.spend(1);
                bystander = Bystander.read(threads, shared.obtain(FixtureKind.IDLE_CHILD));
            } catch (Untestable noFixture) { // why: no sequence can run beside it; judged nothing, said why
                return judgedNothing(planned, noFixture.getMessage(), start);
            }
            for (FixtureKind kind : FixtureKind.values()) {
                histories.add(pool.submit(() -> concurrent.run(kind)));
            }
            results = runAll(pool, planned, bystander);
        } finally {
            pool.shutdown();
        }
        // why: the replays that shrink and confirm run alone, with no other fixture made meanwhile
        List<Finding> historyFindings = histories.stream().flatMap(history -> outcome(history).stream()).toList();
        Map<FixtureKind, ExplorationReport.KindTally> tallies = new EnumMap<>(FixtureKind.class);
        Map<String, List<SequenceResult>> failures = new LinkedHashMap<>();
        results.forEach((kind, list) -> {
            tallies.put(kind, tally(planned.get(kind).size(), list));
            list.stream().flatMap(Optional::stream).filter(SequenceResult::failed).forEach(r -> r.violations()
                    .forEach(v -> failures.computeIfAbsent(v.requirementId() + " " + v.rule(),
                            k -> new ArrayList<>()).add(r)));
        });
        List<Finding> findings = new ArrayList<>();
        Map<String, Finding> distinct = new LinkedHashMap<>(); // why: two rules' groups may shrink to one finding
        failures.forEach((key, failing) -> {
            Finding finding = minimal(key, failing);
            distinct.putIfAbsent(finding.requirementId() + " " + finding.rule() + " " + finding.confirmed() + " "
                    + finding.steps(), finding);
        });
        findings.addAll(distinct.values());
        findings.addAll(historyFindings);
        List<String> notes = new ArrayList<>();
        if (budget.refusedAny()) {
            notes.add("the request budget (explore.budget " + settings.budget() + ") left sequences or the replays"
                    + " that shrink and confirm a finding unrun: such a finding is reported unconfirmed");
        }
        return new ExplorationReport(settings.depth(), tallies, findings, budget.spent(),
                java.time.Duration.ofNanos(System.nanoTime() - start), notes);
    }

    /** The report of an exploration that could not start: every sequence untestable, for {@code reason}. */
    private ExplorationReport judgedNothing(Map<FixtureKind, List<List<Step>>> planned, String reason, long start) {
        Map<FixtureKind, ExplorationReport.KindTally> tallies = new EnumMap<>(FixtureKind.class);
        planned.forEach((kind, sequences) -> tallies.put(kind, new ExplorationReport.KindTally(sequences.size(), 0, 0,
                sequences.size(), 0, reason)));
        return new ExplorationReport(settings.depth(), tallies, List.of(), budget.spent(),
                java.time.Duration.ofNanos(System.nanoTime() - start),
                List.of("no sequence ran: the bystander every sequence runs beside (an idle child of another session)"
                        + " could not be made: " + reason));
    }

    private ExecutorService pool() {
        return Executors.newFixedThreadPool(settings.parallel(), task -> {
            Thread daemon = new Thread(task, "exploration");
            daemon.setDaemon(true);
            return daemon;
        });
    }

    private Map<FixtureKind, List<Optional<SequenceResult>>> runAll(ExecutorService pool,
                                                                     Map<FixtureKind, List<List<Step>>> planned,
                                                                     Bystander bystander) {
        Map<FixtureKind, List<Future<Optional<SequenceResult>>>> pending = new LinkedHashMap<>();
        // why: the sequences that wait go first, so their waits overlap the rest instead of ending the run
        Map<List<Step>, Future<Optional<SequenceResult>>> submitted = new java.util.IdentityHashMap<>();
        for (boolean waits : new boolean[]{true, false}) {
            planned.forEach((kind, sequences) -> sequences.stream().filter(steps -> waits == steps.stream()
                    .anyMatch(Step.Wait.class::isInstance)).forEach(steps -> submitted.put(steps,
                    pool.submit(() -> within(kind, steps, bystander)))));
        }
        planned.forEach((kind, sequences) -> sequences.forEach(steps -> pending
                .computeIfAbsent(kind, k -> new ArrayList<>()).add(submitted.get(steps))));
        Map<FixtureKind, List<Optional<SequenceResult>>> results = new LinkedHashMap<>();
        for (var entry : pending.entrySet()) {
            List<Optional<SequenceResult>> list = new ArrayList<>();
            for (Future<Optional<SequenceResult>> future : entry.getValue()) {
                list.add(outcome(future));
            }
            results.put(entry.getKey(), list);
        }
        return results;
    }

    /** The sequence's result, or empty when the budget was spent before it started. */
    private Optional<SequenceResult> within(FixtureKind kind, List<Step> steps, Bystander bystander) {
        return run(kind, steps, Optional.of(bystander));
    }

    /** The sequence's result, or empty when its estimated cost no longer fits in the budget. */
    private Optional<SequenceResult> run(FixtureKind kind, List<Step> steps, Optional<Bystander> bystander) {
        int held = budget.hold(steps.size());
        if (held < 0) {
            return Optional.empty();
        }
        SequenceResult result = runner.run(kind, steps, bystander);
        budget.spend(held, steps.size(), result.requests());
        return Optional.of(result);
    }

    /**
     * A rule's finding: the first of its failing sequences (at most {@link #CANDIDATES}) whose failing prefix breaks
     * the rule again on fresh fixtures, shrunk, then replayed once more; unconfirmed when none reproduces. The shrink
     * keeps the rule or the requirement, not both: a change first seen after a later step (a wait, the end's full
     * read) is then judged after the step that made it, whose requirement the confirmed finding names; and a change
     * of another thread seen on whichever thread it hit in the replay (the bystander rather than the other session's
     * child) is the requirement's all the same. Rules of one {@link RuleFamilies family} stand for each other: a
     * second terminated event listed after a re-archive that still comes without it is the archive's duplicate.
     */
    private Finding minimal(String key, List<SequenceResult> failing) {
        String requirement = key.substring(0, key.indexOf(' '));
        String rule = key.substring(key.indexOf(' ') + 1);
        for (SequenceResult candidate : failing.subList(0, Math.min(CANDIDATES, failing.size()))) {
            List<Step> prefix = reproducing(candidate, requirement, rule);
            if (prefix.isEmpty()) {
                continue;
            }
            List<Step> shrunk = Shrinker.ddmin(start(candidate.kind(), prefix, requirement, rule),
                    steps -> replay(candidate.kind(), steps).breaks(requirement, rule));
            Replayed confirming = replay(candidate.kind(), shrunk);
            if (confirming.breaks(requirement, rule)) {
                return finding(requirement, rule, confirming.result().orElseThrow(), shrunk, true, failing.size());
            }
        }
        SequenceResult first = failing.get(0);
        return finding(requirement, rule, first, first.steps().subList(0, first.failedAt() + 1), false,
                failing.size());
    }

    /**
     * The candidate's failing prefix when its replay breaks the rule again; else the prefix and a wait, when that
     * does (an effect that came late, seen after a step only because of how long the step's reads took, is seen
     * after a wait every time); else empty.
     */
    private List<Step> reproducing(SequenceResult candidate, String requirement, String rule) {
        List<Step> prefix = candidate.steps().subList(0, candidate.failedAt() + 1);
        if (replay(candidate.kind(), prefix).breaks(requirement, rule)) {
            return prefix;
        }
        if (prefix.get(prefix.size() - 1) instanceof Step.Wait) {
            return List.of();
        }
        List<Step> waited = new ArrayList<>(prefix);
        waited.add(new Step.Wait());
        return replay(candidate.kind(), waited).breaks(requirement, rule) ? List.copyOf(waited) : List.of();
    }

    /**
     * Where ddmin starts: the failing step alone, or the steps that move the fixture and the failing step, when that
     * already breaks the rule (the chained steps before it are then not replayed again and again), else the prefix.
     */
    private List<Step> start(FixtureKind kind, List<Step> prefix, String requirement, String rule) {
        Step failing = prefix.get(prefix.size() - 1);
        List<Step> alone = List.of(failing);
        if (prefix.size() > 1 && replay(kind, alone).breaks(requirement, rule)) {
            return alone;
        }
        List<Step> moving = new ArrayList<>(prefix.subList(0, prefix.size() - 1).stream()
                .filter(step -> enumerator.movesAnywhere(step)).toList());
        moving.add(failing);
        if (moving.size() > 1 && moving.size() < prefix.size() && replay(kind, moving).breaks(requirement, rule)) {
            return List.copyOf(moving);
        }
        return prefix;
    }

    private static Finding finding(String requirement, String rule, SequenceResult shown, List<Step> steps,
                                   boolean confirmed, int sequences) {
        // why: what broke the rule (or else the requirement) in the sequence shown (see minimal)
        Violation violation = shown.violations().stream()
                .filter(v -> RuleFamilies.related(v.rule(), rule) || v.requirementId().equals(requirement))
                .min(java.util.Comparator.comparing((Violation v) -> !v.rule().equals(rule))
                        .thenComparing(v -> !RuleFamilies.related(v.rule(), rule))
                        .thenComparing(v -> !v.requirementId().equals(requirement))).orElseThrow();
        return new Finding(violation.requirementId(), violation.rule(), shown.kind(), steps.stream().map(Step::label).toList(),
                violation.allowed(), violation.observed(), confirmed, sequences, violation.evidence(),
                FindingReplay.of(steps, shown));
    }

    /** A replay on fresh fixtures; one the budget no longer allows breaks nothing (what it would show is unknown). */
    private Replayed replay(FixtureKind kind, List<Step> steps) {
        return new Replayed(run(kind, steps, Optional.empty()));
    }

    private record Replayed(Optional<SequenceResult> result) {
        boolean breaks(String requirement, String rule) {
            return result.map(r -> r.violations().stream().anyMatch(v -> RuleFamilies.related(v.rule(), rule)
                    || v.requirementId().equals(requirement))).orElse(false);
        }
    }

    private static ExplorationReport.KindTally tally(int sequences, List<Optional<SequenceResult>> results) {
        List<SequenceResult> ran = results.stream().flatMap(Optional::stream).toList();
        List<SequenceResult> untestable = ran.stream().filter(r -> r.untestable().isPresent()).toList();
        return new ExplorationReport.KindTally(sequences, ran.size() - untestable.size(),
                (int) ran.stream().filter(SequenceResult::failed).count(), untestable.size(),
                sequences - ran.size(), untestable.stream().findFirst().flatMap(SequenceResult::untestable)
                .orElse(""));
    }

    private static <T> T outcome(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exploration interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sequence could not run: " + e.getCause(), e.getCause());
        }
    }
}
