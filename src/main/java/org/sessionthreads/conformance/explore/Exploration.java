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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.explore.model.ArchiveModel;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Bounded exhaustive exploration: from each fixture kind every sequence the {@link SequenceEnumerator} gives, run on
 * fresh fixtures ({@code parallel} at once, in a fixed order, within the request budget) and judged against the
 * {@link ArchiveModel}; each rule broken is shrunk ({@link Shrinker}) to a minimal sequence and replayed on fresh
 * fixtures before it is reported ({@link Finding#confirmed()}).
 *
 * <pre>{@code
 * ExplorationReport report = new Exploration(threads, fixtures, model, events, waits, settings).run();
 * report.confirmed("ARCH-004");   // findings that fail ARCH-004
 * }</pre>
 */
public final class Exploration {
    private final SequenceRun runner;
    private final SequenceEnumerator enumerator;
    private final ExploreSettings settings;
    private final EventOracle events;
    private final AtomicInteger requests = new AtomicInteger();

    public Exploration(ThreadsApi threads, Supplier<Fixtures> fixtures, ArchiveModel model, EventOracle events,
                       Waits waits, ExploreSettings settings) {
        this.runner = new SequenceRun(threads, fixtures, model, events, waits, settings.settle());
        this.enumerator = new SequenceEnumerator(model);
        this.settings = settings;
        this.events = events;
    }

    public ExplorationReport run() {
        long start = System.nanoTime();
        Map<FixtureKind, List<List<Step>>> planned = new LinkedHashMap<>();
        for (FixtureKind kind : FixtureKind.values()) {
            planned.put(kind, enumerator.sequences(kind, settings.depth()));
        }
        Map<FixtureKind, List<Optional<SequenceResult>>> results = runAll(planned);
        Map<FixtureKind, ExplorationReport.KindTally> tallies = new EnumMap<>(FixtureKind.class);
        Map<String, List<SequenceResult>> failures = new LinkedHashMap<>();
        results.forEach((kind, list) -> {
            tallies.put(kind, tally(planned.get(kind).size(), list));
            list.stream().flatMap(Optional::stream).filter(SequenceResult::failed).forEach(r -> r.violations()
                    .forEach(v -> failures.computeIfAbsent(v.requirementId() + " " + v.rule(),
                            k -> new ArrayList<>()).add(r)));
        });
        List<Finding> findings = new ArrayList<>();
        failures.forEach((key, failing) -> findings.add(minimal(key, failing)));
        List<String> notes = new ArrayList<>();
        if (ExplorationParts.placeholder(events)) {
            notes.add("event views, mailbox and waiting coordinator not judged: no EventOracle is plugged in"
                    + " (explore.ExplorationParts)");
        }
        return new ExplorationReport(settings.depth(), tallies, findings, requests.get(),
                java.time.Duration.ofNanos(System.nanoTime() - start), notes);
    }

    private Map<FixtureKind, List<Optional<SequenceResult>>> runAll(Map<FixtureKind, List<List<Step>>> planned) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), task -> {
            Thread daemon = new Thread(task, "exploration");
            daemon.setDaemon(true);
            return daemon;
        });
        Map<FixtureKind, List<Future<Optional<SequenceResult>>>> pending = new LinkedHashMap<>();
        try {
            planned.forEach((kind, sequences) -> sequences.forEach(steps -> pending
                    .computeIfAbsent(kind, k -> new ArrayList<>()).add(pool.submit(() -> within(kind, steps)))));
            Map<FixtureKind, List<Optional<SequenceResult>>> results = new LinkedHashMap<>();
            for (var entry : pending.entrySet()) {
                List<Optional<SequenceResult>> list = new ArrayList<>();
                for (Future<Optional<SequenceResult>> future : entry.getValue()) {
                    list.add(outcome(future));
                }
                results.put(entry.getKey(), list);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The sequence's result, or empty when the budget was spent before it started. */
    private Optional<SequenceResult> within(FixtureKind kind, List<Step> steps) {
        if (requests.get() >= settings.budget()) {
            return Optional.empty();
        }
        SequenceResult result = runner.run(kind, steps);
        requests.addAndGet(result.requests());
        return Optional.of(result);
    }

    /** The first failing sequence of a rule, shrunk, then replayed on fresh fixtures. */
    private Finding minimal(String key, List<SequenceResult> failing) {
        SequenceResult first = failing.get(0);
        String requirement = key.substring(0, key.indexOf(' '));
        String rule = key.substring(key.indexOf(' ') + 1);
        List<Step> prefix = first.steps().subList(0, first.failedAt() + 1);
        List<Step> shrunk = Shrinker.ddmin(prefix, candidate -> replay(first.kind(), candidate)
                .breaks(requirement, rule));
        SequenceResult confirming = replay(first.kind(), shrunk);
        Violation shown = (confirming.breaks(requirement, rule) ? confirming : first).violations().stream()
                .filter(v -> v.requirementId().equals(requirement) && v.rule().equals(rule)).findFirst()
                .orElseThrow();
        return new Finding(requirement, rule, first.kind(), shrunk.stream().map(Step::label).toList(),
                shown.allowed(), shown.observed(), confirming.breaks(requirement, rule), failing.size(),
                shown.evidence());
    }

    private SequenceResult replay(FixtureKind kind, List<Step> steps) {
        SequenceResult result = runner.run(kind, steps);
        requests.addAndGet(result.requests());
        return result;
    }

    private static ExplorationReport.KindTally tally(int sequences, List<Optional<SequenceResult>> results) {
        List<SequenceResult> ran = results.stream().flatMap(Optional::stream).toList();
        List<SequenceResult> untestable = ran.stream().filter(r -> r.untestable().isPresent()).toList();
        return new ExplorationReport.KindTally(sequences, ran.size() - untestable.size(),
                (int) ran.stream().filter(SequenceResult::failed).count(), untestable.size(),
                sequences - ran.size(), untestable.stream().findFirst().flatMap(SequenceResult::untestable)
                .orElse(""));
    }

    private static Optional<SequenceResult> outcome(Future<Optional<SequenceResult>> future) {
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
