package org.sessionthreads.conformance.selftest.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.selftest.SuiteRun;

/**
 * Exploration alone (scenarios and audit off: only ExplorationScenarios runs) against every target of
 * {@link ExplorationTarget#all()}: every fault (all dialects), every variation, each dialect conformant. Asserts at
 * least 90% of the faults killed (a confirmed finding on a declared requirement), no false alarm, and every kill's
 * minimal sequence at most 5 steps; prints the campaign's report. {@code -Dexplore.campaign=LABEL,…} (labels as
 * the report prints them, e.g. {@code archive-page LENIENT_AUTH}) runs only those targets, for a look at a few.
 */
@Tag("selftest")
class ExplorationCampaignTest {
    /** Targets explored at once: each exploration already runs its sequences in parallel. */
    static final int CONCURRENT_TARGETS = 2;

    @Test
    void explorationAloneKillsTheFaultsAndPassesEveryConformantTarget() throws Exception {
        Path dir = Files.createTempDirectory("explore-campaign");
        String only = System.getProperty("explore.campaign", "");
        Set<String> selected = Set.copyOf(Arrays.stream(only.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        List<ExplorationTarget> targets = ExplorationTarget.all().stream()
                .filter(t -> selected.isEmpty() || selected.contains(t.label())).toList();
        long start = System.nanoTime();
        List<ExplorationOutcome> outcomes = run(targets, dir);
        ExplorationCampaignReport report = new ExplorationCampaignReport(outcomes, (System.nanoTime() - start)
                / 1_000_000);
        System.out.println(report.text());
        assertThat(report.falseAlarms()).as("false alarms").isEmpty();
        assertThat(report.longKills()).as("kills with a minimal sequence over 5 steps").isEmpty();
        if (report.faults() > 0) {
            assertThat(report.killRatio()).as("faults killed by exploration alone").isGreaterThanOrEqualTo(0.9);
        }
    }

    private static List<ExplorationOutcome> run(List<ExplorationTarget> targets, Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_TARGETS);
        try {
            List<Future<ExplorationOutcome>> pending = new ArrayList<>();
            targets.forEach(target -> pending.add(pool.submit(() -> explore(target, dir))));
            List<ExplorationOutcome> outcomes = new ArrayList<>();
            for (Future<ExplorationOutcome> outcome : pending) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExplorationOutcome explore(ExplorationTarget target, Path dir) {
        long start = System.nanoTime();
        SuiteRun run = SuiteRun.withProfile(target.profile(), target.options(), ExplorationCampaign.SETTINGS, dir,
                ".*ExplorationScenarios");
        ExploredRun explored = ExploredRun.of(run).orElseThrow(() -> new AssertionError(target.label()
                + ": exploration did not run: " + run.problems()));
        return new ExplorationOutcome(target, run.requirementsNotMet(), explored,
                (System.nanoTime() - start) / 1_000_000);
    }
}
