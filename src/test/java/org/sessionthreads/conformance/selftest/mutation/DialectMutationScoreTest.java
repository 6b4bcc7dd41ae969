package org.sessionthreads.conformance.selftest.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerDialect;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * The mutation score per non-default dialect ({@link MutationScoreTest} is the archive page's): the suite with that
 * dialect's settings (as in its shipped profile, profiles/reference-cas.yaml and reference-forward.yaml) against
 * the reference server speaking it, started conformant, with every {@link Variation} in the composed groups of
 * {@link VariationGroups} (no false alarm; a group that raises one is run again member by member to name it), with
 * each fault of that dialect's own rules ({@link Fault#dialect()}) and with a handful of shared faults (the
 * requirements that dialect documents: a fault of an undocumented promise would rightly survive). Reports go to
 * {@code reports/mutation/mutation-report-<dialect>.md} and {@code .json}.
 *
 * <p>To keep the self-test's time modest, the shared faults are a sample (6 for cas, 7 for forward), not all of
 * them, and the variations run in groups, not one by one: the archive-page campaign already proves every shared
 * scenario sensitive and runs each variation alone, and the dialects change only the shape and values those
 * scenarios compare. {@link Variation#REARCHIVE_CONFLICT} is left out of the forward campaign: the Forward page
 * demands 200 for a re-archive, so the forward server ignores it and the run would prove nothing.
 */
class DialectMutationScoreTest {
    /** Shared faults per dialect, each breaking a requirement that dialect documents. */
    private static final Map<ServerDialect, List<Fault>> SHARED = Map.of(
            ServerDialect.CAS, List.of(Fault.COORDINATOR_ARCHIVABLE, Fault.MISSING_ARCHIVED_AT,
                    Fault.ARCHIVE_NOT_PERSISTED, Fault.WRONG_ERROR_TYPE, Fault.LENIENT_AUTH,
                    Fault.LIST_SHOWS_OLD_STATE),
            ServerDialect.FORWARD, List.of(Fault.COORDINATOR_ARCHIVABLE, Fault.NON_IDLE_ARCHIVABLE,
                    Fault.WRONG_STOP_REASON, Fault.ARCHIVE_NOT_PERSISTED, Fault.IDEMPOTENT_REPLAY_REFUSED,
                    Fault.NO_TERMINATED_EVENT, Fault.LENIENT_AUTH));
    /** Suite settings per dialect beyond {@link MutationCampaign#SETTINGS}: those of its shipped profile. */
    private static final Map<ServerDialect, Map<String, String>> SETTINGS = Map.of(
            ServerDialect.CAS, Map.of("dialect", "cas", "capabilities.idempotency_key", "false"),
            ServerDialect.FORWARD, Map.of("dialect", "forward"));

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicNode> every_dialect_fault_is_killed_and_no_conformant_server_of_the_dialect_raises_a_false_alarm() {
        return Stream.of(ServerDialect.CAS, ServerDialect.FORWARD).map(dialect -> {
            MutationReport report = campaign(dialect);
            List<DynamicNode> checks = new ArrayList<>();
            report.results().forEach(result -> checks.add(dynamicTest(result.mutant().label(), () ->
                    assertThat(result.problem()).as("%s %s (dialect %s)", result.mutant().kind(),
                            result.mutant().name(), dialect.wireName()).isEmpty())));
            checks.add(dynamicTest("every fault killed but the known survivors, and no false alarm", () -> {
                assertThat(report.faults()).hasSizeGreaterThanOrEqualTo(ownFaults(dialect).size() + 5);
                long knownSurvivors = report.faults().stream()
                        .filter(result -> result.mutant().knownSurvivor().isPresent()).count();
                assertThat(report.killed()).as("faults killed, score %s", report.score())
                        .isEqualTo(report.faults().size() - knownSurvivors);
                assertThat(report.falseAlarms()).isZero();
            }));
            return DynamicContainer.dynamicContainer(dialect.wireName(), checks);
        });
    }

    /** Every variation is in exactly one group: a new one must be placed where it composes. */
    @org.junit.jupiter.api.Test
    void every_variation_is_in_exactly_one_group() {
        List<Variation> grouped = VariationGroups.GROUPS.stream().flatMap(Set::stream).toList();

        assertThat(grouped).as("the variations of VariationGroups.GROUPS").doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(Variation.values());
    }

    /** A fault may only declare requirements the dialect documents: one it disables can never fail there. */
    @org.junit.jupiter.api.Test
    void every_fault_run_in_a_dialect_declares_only_requirements_that_dialect_documents() {
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        for (ServerDialect dialect : SHARED.keySet()) {
            Stream.concat(ownFaults(dialect).stream(), SHARED.get(dialect).stream()).forEach(fault -> assertThat(
                    fault.breaks()).as("%s in dialect %s", fault, dialect.wireName()).allSatisfy(id -> assertThat(
                    catalogue.find(id).orElseThrow().disabledIn(dialect.wireName())).isEmpty()));
        }
    }

    private static MutationReport campaign(ServerDialect dialect) {
        List<Mutant> table = new ArrayList<>();
        table.add(Mutant.conformant().inDialect(dialect.wireName()));
        Set<Variation> ignored = dialect == ServerDialect.FORWARD ? EnumSet.of(Variation.REARCHIVE_CONFLICT)
                : EnumSet.noneOf(Variation.class);
        Map<Mutant, Set<Variation>> groups = new LinkedHashMap<>();
        VariationGroups.without(ignored).forEach(group -> groups.put(Mutant.of(group).inDialect(dialect.wireName()),
                group));
        table.addAll(groups.keySet());
        Stream.concat(ownFaults(dialect).stream(), SHARED.get(dialect).stream())
                .map(f -> Mutant.of(f).inDialect(dialect.wireName())).forEach(table::add);

        Map<String, String> settings = new LinkedHashMap<>(MutationCampaign.SETTINGS);
        settings.putAll(SETTINGS.get(dialect));
        long start = System.nanoTime();
        MutationCampaign campaign = new MutationCampaign(dir, settings);
        List<MutantResult> results = new ArrayList<>(campaign.run(table));
        results.addAll(campaign.run(membersOfFailedGroups(results, groups, dialect)));
        MutationReport report = new MutationReport(results, "", List.of(), Duration.ofNanos(System.nanoTime() - start));
        System.out.println(report.writeAs("mutation-report-" + dialect.wireName(),
                "Dialect **" + dialect.wireName() + "** (suite settings " + settings + "; server option dialect="
                        + dialect.wireName() + "): its own faults, a sample of shared ones, and every variation in "
                        + "the groups of VariationGroups.\n\n"));
        return report;
    }

    /**
     * The members of every group of variations that raised a false alarm, each to run alone: their rows then say
     * which variation the alarm comes from, or (all passing alone) that only their combination raises it.
     */
    private static List<Mutant> membersOfFailedGroups(List<MutantResult> results,
                                                      Map<Mutant, Set<Variation>> groups, ServerDialect dialect) {
        return results.stream().filter(result -> result.problem().isPresent())
                .map(result -> groups.getOrDefault(result.mutant(), Set.of())).filter(group -> group.size() > 1)
                .flatMap(Set::stream).map(member -> Mutant.of(member).inDialect(dialect.wireName())).toList();
    }

    private static List<Fault> ownFaults(ServerDialect dialect) {
        return Arrays.stream(Fault.values()).filter(f -> f.dialect().filter(dialect::equals).isPresent()).toList();
    }
}
