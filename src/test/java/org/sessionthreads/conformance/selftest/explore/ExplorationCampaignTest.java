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
 * Exploration alone (scenarios and audit off: only ExplorationScenarios runs) against targets of
 * {@link ExplorationTarget#all()}; prints the campaign's report and asserts no false alarm and every kill's minimal
 * sequence at most 5 steps. By default a small representative set ({@link #DEFAULT}: the conformant archive page and
 * one fault each that the thread views, the event views, the concurrent histories and the credentials steps catch),
 * every one of whose faults must be killed (a confirmed finding on a declared requirement).
 * {@code -Dexplore.campaign=all} runs every target (every fault in its dialects, every variation, each dialect
 * conformant) and asserts at least 90% of the faults killed, declared survivors ({@code Fault#knownSurvivor}) left out
 * of the count; {@code -Dexplore.campaign=LABEL,…} (labels as the report prints them, e.g.
 * {@code archive-page LENIENT_AUTH}) runs only those targets, for a look at a few.
 */
@Tag("selftest")
class ExplorationCampaignTest {
    /** Targets explored at once: each exploration already runs its sequences in parallel. */
    static final int CONCURRENT_TARGETS = 2;
    /** The default build's targets: one per part of exploration, and a conformant one. */
    static final List<String> DEFAULT = List.of("archive-page RACY_ARCHIVE", "archive-page ARCHIVE_NOT_PERSISTED",
            "archive-page DUPLICATE_TERMINATED_EVENT", "archive-page TOKEN_PREFIX_MATCH", "archive-page conformant");

    @Test
    void explorationAloneKillsTheFaultsAndPassesEveryConformantTarget() throws Exception {
        Path dir = Files.createTempDirectory("explore-campaign");
        String only = System.getProperty("explore.campaign", "");
        boolean whole = only.equals("all");
        Set<String> selected = only.isBlank() ? Set.copyOf(DEFAULT) : Set.copyOf(Arrays.stream(only.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        List<ExplorationTarget> targets = ExplorationTarget.all().stream()
                .filter(t -> whole || selected.contains(t.label())).toList();
        long start = System.nanoTime();
        List<ExplorationOutcome> outcomes = run(targets, dir);
        ExplorationCampaignReport report = new ExplorationCampaignReport(outcomes, (System.nanoTime() - start)
                / 1_000_000);
        System.out.println(report.text());
        assertThat(report.falseAlarms()).as("false alarms").isEmpty();
        assertThat(report.longKills()).as("kills with a minimal sequence over 5 steps").isEmpty();
        if (only.isBlank()) {
            assertThat(targets).hasSize(DEFAULT.size());
            assertThat(report.survivors()).as("faults of the default set exploration did not kill").isEmpty();
        } else if (report.faults() > 0) {
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
        ExplorationOutcome outcome = new ExplorationOutcome(target, run.requirementsNotMet(), explored,
                (System.nanoTime() - start) / 1_000_000);
        System.out.println("[campaign] " + ExplorationCampaignReport.line(outcome) + " findings "
                + explored.findings());
        return outcome;
    }
}
