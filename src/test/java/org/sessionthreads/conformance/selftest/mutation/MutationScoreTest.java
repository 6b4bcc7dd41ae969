package org.sessionthreads.conformance.selftest.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * The suite proves its own sensitivity: it runs against the conformant reference server, against the server with
 * each {@link Variation} (every scenario must pass: no false alarm) and against the server with each {@link Fault}
 * (the requirements the fault declares must fail: the fault is killed). The score and the tables are printed and
 * written to {@code reports/mutation/}. A surviving fault or a false alarm fails the build; a fault marked as a
 * known survivor is reported, and fails the build once it is killed (so the marker goes).
 *
 * <p>Adding a fault or a variation needs no change here: the lists come from the enums (faults declared with an
 * expected ERROR are left to {@code HostileAnswersSelfTest}, faults of one dialect's own rules to
 * {@link DialectMutationScoreTest}). This is the archive-page dialect's score.
 */
class MutationScoreTest {
    /** The representative deleted scenario: two faults only it kills, one that UNB-001 kills too. */
    private static final String LEFT_OUT = "UNB-002";

    /**
     * The faults the score counts: those whose requirements must fail. Faults declared with an expected ERROR
     * (a broken fixture hook or event channel) judge no requirement; {@code HostileAnswersSelfTest} checks them.
     */
    private static final List<Fault> JUDGED = Arrays.stream(Fault.values())
            .filter(f -> f.expectedError().isEmpty() && f.dialect().isEmpty()).toList();

    private static MutationReport report;

    @BeforeAll
    static void run_the_suite_against_every_server(@TempDir Path dir) {
        List<Mutant> table = new ArrayList<>();
        table.add(Mutant.conformant());
        Arrays.stream(Variation.values()).map(Mutant::of).forEach(table::add);
        JUDGED.stream().map(Mutant::of).forEach(table::add);
        List<Mutant> leftOut = JUDGED.stream().filter(f -> f.breaks().contains(LEFT_OUT))
                .map(f -> Mutant.of(f).withoutScenarioOf(LEFT_OUT)).toList();

        long start = System.nanoTime();
        List<MutantResult> results = new MutationCampaign(dir)
                .run(Stream.concat(table.stream(), leftOut.stream()).toList());
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);

        report = new MutationReport(results.subList(0, table.size()), LEFT_OUT,
                results.subList(table.size(), results.size()), wallTime);
        System.out.println(report.write());
    }

    @TestFactory
    Stream<DynamicTest> every_fault_is_killed_and_every_conformant_server_passes() {
        return report.results().stream().map(result -> dynamicTest(result.mutant().label(), () ->
                assertThat(result.problem()).as("%s %s", result.mutant().kind(), result.mutant().name()).isEmpty()));
    }

    @Test
    void the_score_counts_every_fault_and_no_conformant_server_raises_a_false_alarm() {
        long knownSurvivors = JUDGED.stream().filter(f -> f.knownSurvivor().isPresent()).count();

        assertThat(report.faults()).hasSize(JUDGED.size()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(report.conformant()).hasSize(Variation.values().length + 1);
        assertThat(report.killed()).as("faults killed, score %s", report.score())
                .isEqualTo(JUDGED.size() - knownSurvivors);
        assertThat(report.falseAlarms()).isZero();
        assertThat(MutationReport.DIR.resolve("mutation-report.md")).exists();
        assertThat(MutationReport.DIR.resolve("mutation-report.json")).exists();
    }

    @Test
    void every_requirement_of_the_catalogue_is_broken_by_some_fault_the_suite_must_kill() {
        Set<String> catalogue = RequirementCatalogue.load().entries().stream().map(CatalogueEntry::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> broken = JUDGED.stream().filter(f -> f.knownSurvivor().isEmpty())
                .flatMap(f -> f.breaks().stream()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(broken).as("requirements declared by faults").isEqualTo(catalogue);
    }

    @Test
    void deleting_a_scenario_makes_the_self_test_name_the_faults_only_it_killed() {
        Set<String> onlyItKilled = report.onlyKilledBy().getOrDefault(LEFT_OUT, Set.of());

        assertThat(onlyItKilled).as("faults that fail %s and nothing else", LEFT_OUT).isNotEmpty();
        assertThat(report.survivorsWithoutScenario()).as("faults the suite without %s's scenario misses", LEFT_OUT)
                .isEqualTo(onlyItKilled);
        assertThat(report.leftOut()).allSatisfy(result -> assertThat(result.problem())
                .as("the verdict on %s without %s", result.mutant().name(), LEFT_OUT).isPresent());
        assertThat(Files.exists(MutationReport.DIR.resolve("mutation-report.md"))).isTrue();
    }
}
