package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.discovery.Finding;
import org.sessionthreads.conformance.discovery.Presence;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

class RunSummaryTest {
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @Test
    void should_take_the_worst_verdict_of_a_requirement_and_list_every_catalogue_entry() {
        RunSummary summary = summary(List.of(outcome("NF-001", Verdict.PASS, false),
                outcome("NF-001", Verdict.FAIL, false), outcome("ARCH-001", Verdict.PASS, false)), 10, 0);

        assertThat(summary.requirements()).hasSize(catalogue.entries().size());
        assertThat(verdictOf(summary, "NF-001")).isEqualTo(Verdict.FAIL);
        assertThat(verdictOf(summary, "ARCH-001")).isEqualTo(Verdict.PASS);
        assertThat(verdictOf(summary, "EVT-001")).isEqualTo(Verdict.DISABLED);
        assertThat(summary.passesGate()).isFalse();
        assertThat(summary.blocking()).extracting(r -> r.entry().id()).containsExactly("NF-001");
    }

    @Test
    void should_judge_a_requirement_by_the_invocations_that_ran() {
        RunSummary summary = summary(List.of(outcome("EVT-001", Verdict.PASS, false),
                outcome("EVT-001", Verdict.DISABLED, false), outcome("EVT-002", Verdict.DISABLED, false)), 4, 0);

        assertThat(verdictOf(summary, "EVT-001")).isEqualTo(Verdict.PASS);
        assertThat(verdictOf(summary, "EVT-002")).isEqualTo(Verdict.DISABLED);
    }

    @Test
    void should_not_gate_on_a_should_warning_or_a_waiver() {
        RunSummary summary = summary(List.of(outcome("AUTH-002", Verdict.FAIL, true),
                outcome("ARCH-001", Verdict.WAIVED, false)), 10, 0);

        assertThat(summary.passesGate()).isTrue();
        assertThat(ConsoleTable.of(summary)).contains("AUTH-002  SHOULD WARN").contains("gate PASS");
    }

    @Test
    void should_make_a_run_without_executed_scenarios_or_with_only_401_answers_an_error() {
        RunSummary nothing = summary(List.of(), 0, 0);
        assertThat(nothing.nothingExecuted()).isTrue();
        assertThat(nothing.problems()).isEmpty();
        assertThat(nothing.shownProblems()).containsExactly("no scenario was executed");
        assertThat(ExitStatus.of(nothing).code()).isEqualTo(ExitStatus.NOTHING_RAN);
        assertThat(summary(List.of(outcome("ARCH-001", Verdict.DISABLED, false)), 0, 0).nothingExecuted()).isTrue();
        assertThat(summary(List.of(outcome("ARCH-001", Verdict.PASS, false)), 1, 0).nothingExecuted()).isFalse();
        assertThat(summary(List.of(outcome("ARCH-001", Verdict.PASS, false)), 7, 7).problems())
                .containsExactly("every one of the 7 answers to requests with the profile's token was 401: check"
                        + " the token");
        assertThat(summary(List.of(), 0, 0).passesGate()).isFalse();
    }

    @Test
    void should_name_the_gate_as_the_exit_code_decides_it() {
        RunSummary failed = summary(List.of(outcome("ARCH-001", Verdict.FAIL, false)), 3, 0);
        RunSummary nothing = summary(List.of(), 0, 0);
        RunSummary refused = summary(List.of(outcome("ARCH-001", Verdict.PASS, false)), 7, 7);

        assertThat(ConsoleTable.of(failed)).contains("→ gate FAIL");
        assertThat(ConsoleTable.of(nothing)).contains("→ no gate: nothing ran (exit 4)").doesNotContain("gate FAIL");
        assertThat(ConsoleTable.of(refused)).contains("→ no gate: no verdict possible (exit 3)")
                .doesNotContain("gate FAIL");
    }

    @Test
    void should_write_a_summary_that_conforms_to_its_schema() {
        RunSummary summary = summary(List.of(outcome("NF-001", Verdict.FAIL, false)), 3, 0);

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
    }

    @Test
    void should_write_a_bundle_whose_summary_json_conforms_to_its_schema_and_whose_files_are_the_formats(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        ScenarioOutcome check = outcome("EVT-002", Verdict.FAIL, false);
        RunSummary summary = new TestFacts().requests(java.util.Map.of("GET /v1/sessions/{id}/events", 7L))
                .audit(new RunSummary.AuditSection("1 of 1 sessions", List.of(check)))
                .settings(List.of(new RunSummary.Setting("concurrency", "8", "default")))
                .on(summary(List.of(outcome("NF-001", Verdict.FAIL, false), check), 3, 0));

        ResultsBundle.write(summary, new BuildInfo("1.0", "abc"), dir, java.util.Optional.empty(),
                java.util.Optional.empty());

        String json = java.nio.file.Files.readString(dir.resolve("summary.json"));
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).startsWith("{\n  \"suite\" : {\n    \"name\" : \"thread-archive-conformance\",")
                .contains("\"exit_code\" : 1,");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ReportFormats.files().stream()
                            .filter(f -> !new ExploreFiles().files().contains(f)).toList()); // why: it did not explore
        }
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
    }

    @Test
    void should_write_the_effective_settings_into_json_and_markdown() {
        RunSummary summary = new TestFacts().settings(List.of(
                new RunSummary.Setting("timeouts.event", "3s", "profile base via leaf → base"),
                new RunSummary.Setting("token", "(masked)", "environment variable CONFORMANCE_TOKEN")))
                .on(summary(List.of(outcome("NF-001", Verdict.PASS, false)), 3, 0));

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).contains("{\"key\":\"timeouts.event\",\"value\":\"3s\",\"source\":\"profile base via leaf → base\"}");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc"))).contains("## Effective settings")
                .contains("| token | (masked) | environment variable CONFORMANCE_TOKEN |");
    }

    @Test
    void should_report_discovery_and_a_start_failure_in_every_form_and_within_the_schema() {
        DiscoveryReport discovery = new DiscoveryReport(true, List.of(new Finding("event_stream",
                "sse in event_channels", Presence.ABSENT, "answers 404 | json",
                "GET http://t/v1/sessions/s/events/stream → 404")),
                List.of("event_channels lists sse, but the target has no event stream"), List.of("add hook"),
                List.of(), null);
        RunSummary summary = new TestFacts().discovery(discovery).on(summary(List.of(), 0, 0))
                .withProblem("the run could not start: declared capability missing: event_channels lists sse");

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(summary.problems()).first().asString().startsWith("the run could not start: declared capability");
        assertThat(summary.passesGate()).isFalse();
        assertThat(json).contains("\"discovery\":{\"status\":\"ran\",\"findings\":[{\"capability\":"
                + "\"event_stream\",\"declared\":\"sse in event_channels\",\"presence\":\"ABSENT\",\"observed\":"
                + "\"answers 404 | json\",\"evidence\":\"GET http://t/v1/sessions/s/events/stream → 404\"}],"
                + "\"errors\":[\"event_channels lists sse, but the target has no event stream\"],\"hints\":"
                + "[\"add hook\"],\"discovered\":[]}");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc"))).contains("## Discovery (ran)",
                "- **ERROR** (declared, missing): event_channels lists sse", "- hint: add hook",
                "| event_stream | sse in event_channels | answers 404 \\| json | ABSENT |");
        assertThat(ConsoleTable.of(summary)).contains("run ERROR: the run could not start", "hint: add hook");
        assertThat(JsonMapper.builder().build().writeValueAsString(SummaryJson.of(RunReport.of(summary(List.of(), 0, 0),
                new BuildInfo("1.0", "abc"))))).contains("\"discovery\":{\"status\":\"not run\",\"findings\":[],");
    }

    @Test
    void should_report_the_audit_as_its_own_section_that_conforms_to_the_schema() {
        ScenarioOutcome check = outcome("EVT-002", Verdict.FAIL, false);
        RunSummary summary = new TestFacts()
                .audit(new RunSummary.AuditSection("2 of 2 sessions, 6 threads", List.of(check)))
                .on(summary(List.of(check), 3, 0));

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).contains("\"audit\"", "2 of 2 sessions, 6 threads");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc")))
                .contains("## End-of-run audit", "| EVT-002 | EVT-002 scenario | FAIL |");
        assertThat(verdictOf(summary, "EVT-002")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void should_write_the_requests_sent_per_endpoint_into_json_markdown_and_console() {
        RunSummary summary = new TestFacts().requests(
                java.util.Map.of("POST /v1/sessions/{id}/threads/{id}/archive", 5L, "GET /v1/sessions/{id}/events", 7L))
                .settings(List.of(new RunSummary.Setting("concurrency", "8", "default")))
                .on(summary(List.of(outcome("NF-001", Verdict.PASS, false)), 3, 0));

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).contains("\"requests\":{\"total\":12,\"per_endpoint\":{\"GET /v1/sessions/{id}/events\":7,"
                + "\"POST /v1/sessions/{id}/threads/{id}/archive\":5}}");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc"))).contains("## Requests sent (12)")
                .contains("| POST /v1/sessions/{id}/threads/{id}/archive | 5 |");
        assertThat(ConsoleTable.of(summary)).contains("requests sent: 12");
    }

    @Test
    void should_write_the_event_latency_and_the_race_interleavings_within_the_schema() {
        Measurements measured = new Measurements(List.of(new Measurements.ChannelLatency("sse", 4,
                Duration.ofNanos(1_234_567), Duration.ofMillis(20), Duration.ofMillis(25),
                java.util.Map.of("ON_TIME", 4, "MISSING", 1))), List.of(new Measurements.Race("8 archives",
                java.util.Map.of("1×200 + 7×409", 5, "8×200", 1), List.of(new Measurements.ScenarioRace("CONC-001",
                "CONC-001 Simultaneous archives [via sse]", java.util.Map.of("1×200 + 7×409", 5, "8×200", 1))))));
        RunSummary summary = new TestFacts().measured(measured).on(summary(List.of(outcome("CONC-001", Verdict.PASS, false)), 3, 0));

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).contains("\"event_latency\":{\"sse\":{\"samples\":4,\"p50_ms\":1.235,\"p95_ms\":20.0,"
                + "\"max_ms\":25.0,\"verdicts\":{\"MISSING\":1,\"ON_TIME\":4}}}")
                .contains("\"races\":[{\"race\":\"8 archives\",\"rounds\":6,\"interleavings\":{\"1×200 + 7×409\":5,"
                        + "\"8×200\":1},\"scenarios\":[{\"requirement\":\"CONC-001\"");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc")))
                .contains("| sse | 4 | 1.235 | 20.0 | 25.0 | MISSING 1, ON_TIME 4 |")
                .contains("| 8 archives | 6 | 1×200 + 7×409 5, 8×200 1 |");
    }

    @Test
    void should_refuse_a_summary_whose_latency_names_an_unknown_channel() {
        RunSummary summary = new TestFacts().measured(new Measurements(List.of(
                new Measurements.ChannelLatency("carrier-pigeon", 1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                        java.util.Map.of("ON_TIME", 1))), List.of())).on(summary(List.of(), 0, 0));

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isNotEmpty();
        assertThat(json).contains("\"event_latency\":{\"carrier-pigeon\"");
    }

    @Test
    void should_write_empty_measurements_when_nothing_was_measured() {
        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary(List.of(), 0, 0), new BuildInfo("1.0", "abc"))));

        assertThat(json).contains("\"event_latency\":{}", "\"races\":[]");
        assertThat(SummaryMarkdown.markdown(summary(List.of(), 0, 0), new BuildInfo("1.0", "abc")))
                .doesNotContain("## Event latency", "## Race interleavings");
    }

    private RunSummary summary(List<ScenarioOutcome> outcomes, long responses, long unauthorized) {
        return RunSummary.of(catalogue, outcomes, new RunSummary.Run("profile 'p'", "target", "http://t/v1",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), responses, unauthorized,
                RunSummary.Facts.of("fixtures of run r: 1 session created (hook 1), 1 released"));
    }

    private static ScenarioOutcome outcome(String id, Verdict verdict, boolean warning) {
        boolean blocking = (verdict == Verdict.FAIL || verdict == Verdict.ERROR) && !warning;
        return new ScenarioOutcome(id, id + " scenario", verdict, blocking, verdict == Verdict.PASS ? "" : "why",
                Duration.ofMillis(5), "idle_child from hook in 3 ms", List.of("conformance-1"),
                verdict == Verdict.PASS ? Reproduction.NONE : new Reproduction(new org.sessionthreads.conformance
                        .client.Exchange("POST", "http://t/v1/sessions/s/threads/t/archive", java.util.Map.of(), "",
                        200, java.util.Map.of(), "{}", Instant.EPOCH, Duration.ofMillis(1), "conformance-1", null,
                        true), Reproduction.Fixtures.RELEASED, List.of()));
    }

    private static Verdict verdictOf(RunSummary summary, String id) {
        return summary.requirements().stream().filter(r -> r.entry().id().equals(id)).findFirst().orElseThrow()
                .verdict();
    }
}
