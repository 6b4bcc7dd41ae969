package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/** Findings about the target are WARN lines of every summary form, never a verdict or a gate. */
class TargetFindingsTest {
    private static final String FINDING = "event list types disagrees with a plain read (the suite stopped using it"
            + " for the rest of the run): session sess_1: reads with types (GET …) did not list …";

    @Test
    void should_show_each_finding_as_a_warn_line_and_leave_the_gate_alone() {
        RunSummary plain = RunSummary.of(RequirementCatalogue.load(), List.of(), new RunSummary.Run("profile 'p'",
                "target", "http://t/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 0, 0, RunSummary.Facts.of(""));
        RunSummary summary = new TestFacts().measured(Measurements.none().withFindings(List.of(FINDING))).on(plain);

        String json = JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));

        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(json).contains("\"target_findings\":[\"event list types disagrees with a plain read");
        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc")))
                .contains("## Findings about the target (WARN, not verdicts)\n\n- **WARN** event list types");
        assertThat(ConsoleTable.of(summary)).contains("\n[conformance] WARN: event list types disagrees");
        assertThat(summary.passesGate()).isEqualTo(plain.passesGate());
        assertThat(summary.counts()).isEqualTo(plain.counts());
    }
}
