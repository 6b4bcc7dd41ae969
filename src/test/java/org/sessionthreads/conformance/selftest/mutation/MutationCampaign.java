package org.sessionthreads.conformance.selftest.mutation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.sessionthreads.conformance.selftest.SuiteRun;

/**
 * Runs the suite against many {@link Mutant}s in this JVM, {@value #CONCURRENT_RUNS} at a time (each run already
 * runs its scenarios in parallel), and collects what the suite said about each.
 *
 * <p>Every run uses the same self-test profile: profiles/reference.yaml with the settings of {@link #SETTINGS}
 * and the server options of {@link #SERVER_OPTIONS}:
 * <ul>
 *   <li>{@code timeouts.event} is 4 s instead of 10 s, so that a missing event costs 4 s of waiting, not 10. The
 *   profile's {@code timeouts.event_expected} (2 s) stays: {@code Variation.LATE_EVENTS} (1 s late) must be on
 *   time, {@code Fault.TERMINATED_EVENT_SLOW} (3 s) late but within the limit, and
 *   {@code Fault.TERMINATED_EVENT_TOO_LATE} (12 s) is too late for either limit.</li>
 *   <li>No server options: the hook queues pending messages the reference default {@code deliver_after_ms}
 *   (1000 ms) ahead, or as far as the run's {@code window_ms} asks. The mailbox scenario (MBX-001) sends nothing
 *   between the hook's answer and its archive (its cursor is placed after the fixture's {@code last_event_id} and
 *   read afterwards), so a busy machine slows the run without making the message come first; the
 *   {@code LATENCY_} variations run the same scenario against a hook that queues it 600 ms ahead.</li>
 * </ul>
 */
final class MutationCampaign {
    static final int CONCURRENT_RUNS = 4;
    static final Map<String, String> SETTINGS = Map.of("timeouts.event", "4s");
    static final Map<String, String> SERVER_OPTIONS = Map.of();

    /** Requirements with a scenario method of their own (the others are judged by the audit alone). */
    private static final Set<String> WITH_SCENARIOS = SuiteRun.requirementsWithScenarios();
    private final Path workDir;
    private final Map<String, String> settings;

    MutationCampaign(Path workDir) {
        this(workDir, SETTINGS);
    }

    /** A campaign whose runs use {@code settings} (e.g. {@link #SETTINGS} plus {@code dialect: cas}). */
    MutationCampaign(Path workDir, Map<String, String> settings) {
        this.workDir = workDir;
        this.settings = Map.copyOf(settings);
    }

    /** Runs every mutant and returns the results in the order of {@code mutants}. */
    List<MutantResult> run(List<Mutant> mutants) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_RUNS,
                task -> new Thread(task, "mutation-run-" + count.incrementAndGet()));
        try {
            List<Future<MutantResult>> pending = new ArrayList<>();
            mutants.forEach(mutant -> pending.add(pool.submit(() -> runOne(mutant))));
            List<MutantResult> results = new ArrayList<>();
            for (Future<MutantResult> result : pending) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running mutants", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a suite run could not be carried out", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A fault is first run with only the scenarios of the requirements it declares (and the audit); only when that
     * run does not kill it is it run again with the whole suite, whose verdict then stands. So the score is the
     * whole suite's score, and a fault pays for what it checks. Conformant servers, variations and runs with a
     * scenario left out always run the whole suite: a false alarm can come from any scenario.
     */
    private MutantResult runOne(Mutant mutant) {
        long start = System.nanoTime();
        SuiteRun.Setup setup = setupFor(mutant);
        Optional<Set<String>> scope = declaredScope(mutant);
        if (scope.isPresent()) {
            MutantResult scoped = result(mutant, SuiteRun.run(setup.withOnlyScenariosOf(scope.get())), start,
                    MutantResult.Scope.DECLARED);
            if (scoped.killed()) {
                return scoped;
            }
        }
        return result(mutant, SuiteRun.run(setup), start, MutantResult.Scope.WHOLE_SUITE);
    }

    private SuiteRun.Setup setupFor(Mutant mutant) {
        Map<String, String> options = new LinkedHashMap<>(SERVER_OPTIONS);
        options.putAll(mutant.options());
        SuiteRun.Setup setup = SuiteRun.Setup.of(options, workDir);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            setup = setup.withSetting(setting.getKey(), setting.getValue());
        }
        if (mutant.leftOut().isPresent()) {
            setup = setup.withoutScenarioOf(mutant.leftOut().get());
        }
        return setup;
    }

    /**
     * The requirements a fault run can be narrowed to: its declared ones, when each has a scenario of its own (a
     * requirement only the audit judges needs the sessions of every scenario, so such a fault runs whole).
     */
    private static Optional<Set<String>> declaredScope(Mutant mutant) {
        boolean narrowable = !mutant.mustPass() && mutant.leftOut().isEmpty() && !mutant.breaks().isEmpty()
                && WITH_SCENARIOS.containsAll(mutant.breaks());
        return narrowable ? Optional.of(Set.copyOf(mutant.breaks())) : Optional.empty();
    }

    private static MutantResult result(Mutant mutant, SuiteRun run, long start, MutantResult.Scope scope) {
        return new MutantResult(mutant, run.requirementsNotMet(), run.started(), run.succeeded(),
                Duration.ofNanos(System.nanoTime() - start), run.problems(), scope);
    }
}
