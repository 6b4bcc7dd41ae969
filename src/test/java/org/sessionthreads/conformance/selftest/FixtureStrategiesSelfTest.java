package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.SuiteConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The fixture chain end to end, against the embedded reference server with its fixture hook switched off
 * ({@code profiles/reference-api.yaml}): through the public API alone every scenario passes; with no prompt and no
 * pool either, every scenario that needs a fixture is UNTESTABLE naming every strategy's reason (FAIL in certify
 * mode), the end-of-run audit's checks are UNTESTABLE too (no thread to read: nothing judged), and only the
 * scenarios that need none pass.
 */
@Execution(ExecutionMode.CONCURRENT) // why: each method runs the suite against a server of its own
class FixtureStrategiesSelfTest {
    private static final String PROVENANCE = "conformance.provenance";

    @TempDir
    Path reports;

    @Test
    void should_pass_every_scenario_with_fixtures_from_the_public_api_only_and_release_them_all() throws Exception {
        Results run = run(Map.of());

        assertThat(run.outcomes().values()).as(run.describe()).containsOnly("SUCCESSFUL");
        assertThat(run.outcomes()).hasSize(SuiteRun.REFERENCE_INVOCATIONS);
        assertThat(run.provenance().values()).isNotEmpty().allMatch(line -> line.contains(" from api in "));
        assertThat(Files.readString(reports.resolve("fixture-ledger.jsonl")))
                .contains("\"strategy\":\"api\"", "\"event\":\"released\"");
    }

    @Test
    void should_make_every_scenario_that_needs_a_fixture_untestable_and_pass_none_of_them() {
        Results withFixtures = run(Map.of());
        Results without = run(nothingAvailable(false));
        Results certified = run(nothingAvailable(true));

        Set<String> needFixtures = withFixtures.provenance().keySet();
        assertThat(needFixtures).isNotEmpty().isNotEqualTo(withFixtures.outcomes().keySet());
        assertThat(without.outcomes().keySet()).isEqualTo(withFixtures.outcomes().keySet())
                .isEqualTo(certified.outcomes().keySet());
        without.outcomes().forEach((test, outcome) -> {
            if (needFixtures.contains(test)) {
                assertThat(outcome).as(test).startsWith("ABORTED UNTESTABLE: no fixture strategy could provide ")
                        .contains("; hook: no fixture hook at ", "(404)", "; api: api.prompts.",
                                "; preprovisioned: ");
            } else if (isAuditCheck(test)) {
                assertThat(outcome).as(test).startsWith("ABORTED UNTESTABLE: nothing to judge: ");
            } else {
                assertThat(outcome).as(test).isEqualTo("SUCCESSFUL");
            }
        });
        certified.outcomes().forEach((test, outcome) -> assertThat(outcome).as(test).isEqualTo(
                needFixtures.contains(test) || isAuditCheck(test) ? "FAILED" : "SUCCESSFUL"));
        assertThat(certified.messages().values()).filteredOn(m -> !m.isEmpty())
                .allMatch(m -> m.startsWith("UNTESTABLE") && m.endsWith("(certify mode: a requirement that cannot be "
                        + "tested is not met)"));
    }

    /** A check of the end-of-run audit: with no fixture it had no thread to read, so it judged nothing. */
    private static boolean isAuditCheck(String uniqueId) {
        return uniqueId.contains("[dynamic-test:");
    }

    /** Hook off (as in the profile), no prompt, no pool: every strategy declines. */
    private static Map<String, String> nothingAvailable(boolean certify) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fixture_strategies", "hook,api,preprovisioned");
        for (String kind : new String[] {"idle_child", "running_child", "waiting_coordinator",
                "child_with_pending_message"}) {
            settings.put("api.prompts." + kind, "");
        }
        settings.put("certify", String.valueOf(certify));
        return settings;
    }

    private Results run(Map<String, String> settings) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(".*Scenarios"))
                .configurationParameter("conformance.profile", "reference-api")
                .configurationParameter("conformance.reports_dir", reports.toString())
;
        kit.configurationParameters(SuiteConfiguration.PARAMETERS);
        ConcurrentScenarios.PARALLEL.forEach(kit::configurationParameter);
        settings.forEach((key, value) -> kit.configurationParameter("conformance." + key, value));
        return new Results(kit.execute());
    }

    /** Per scenario invocation (unique id): its outcome, its failure message, and its fixture provenance. */
    private record Results(EngineExecutionResults results) {
        Map<String, String> outcomes() {
            return results.testEvents().finished().stream().collect(Collectors.toMap(Results::test,
                    e -> status(e) + (status(e) == TestExecutionResult.Status.ABORTED ? " " + message(e) : ""),
                    (a, b) -> a, TreeMap::new));
        }

        Map<String, String> messages() {
            return results.testEvents().finished().stream().collect(Collectors.toMap(Results::test,
                    Results::message, (a, b) -> a, TreeMap::new));
        }

        Map<String, String> provenance() {
            return results.testEvents().reportingEntryPublished().stream()
                    .filter(e -> e.getPayload(ReportEntry.class).map(r -> r.getKeyValuePairs().containsKey(PROVENANCE))
                            .orElse(false))
                    .collect(Collectors.toMap(Results::test, e -> e.getRequiredPayload(ReportEntry.class)
                            .getKeyValuePairs().get(PROVENANCE), (a, b) -> a, TreeMap::new));
        }

        String describe() {
            return outcomes().entrySet().stream().filter(e -> !e.getValue().equals("SUCCESSFUL"))
                    .map(e -> e.getKey() + ": " + e.getValue() + " " + messages().get(e.getKey()))
                    .collect(Collectors.joining("\n"));
        }

        private static String test(Event event) {
            return event.getTestDescriptor().getUniqueId().toString();
        }

        private static TestExecutionResult.Status status(Event event) {
            return event.getPayload(TestExecutionResult.class).map(TestExecutionResult::getStatus)
                    .orElse(TestExecutionResult.Status.FAILED);
        }

        private static String message(Event event) {
            return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .map(t -> String.valueOf(t.getMessage())).orElse("");
        }
    }
}
