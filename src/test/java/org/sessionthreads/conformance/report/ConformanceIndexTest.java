package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

import tools.jackson.databind.json.JsonMapper;

class ConformanceIndexTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc");
    private static final List<String> IDS = List.of("ARCH-001", "ARCH-002", "ARCH-003", "IDLE-002", "COORD-001");
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @TempDir
    Path dir;

    /** The MUSTs of {@code dialect} in the shipped catalogue. */
    private int musts(String dialect) {
        return (int) catalogue.forDialect(dialect).entries().stream()
                .filter(e -> e.level() == Level.MUST && e.disabledIn(dialect).isEmpty()).count();
    }

    private RunSummary summary(String dialect, Verdict... verdicts) {
        List<ScenarioOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < verdicts.length; i++) {
            outcomes.add(new ScenarioOutcome(IDS.get(i), "n", verdicts[i], verdicts[i] == Verdict.FAIL, "",
                    Duration.ZERO, "", List.of(), Reproduction.NONE));
        }
        return RunSummary.of(catalogue.forDialect(dialect), outcomes, new RunSummary.Run("p", "t", "u",
                Instant.EPOCH, Instant.EPOCH), 0, 0,
                new TestFacts().settings(List.of(new RunSummary.Setting("dialect", dialect, "test"))).build());
    }

    @Test
    void should_count_as_judged_only_verdicts_about_the_target_and_as_passed_only_pass() {
        ConformanceIndex index = ConformanceIndex.of(summary("archive-page", Verdict.PASS, Verdict.FAIL,
                Verdict.ERROR, Verdict.UNTESTABLE));

        assertThat(index).isEqualTo(new ConformanceIndex(musts("archive-page"), 2, 1));
        assertThat(index.describe()).isEqualTo("index " + ConformanceIndex.percent(2.0 / index.musts()) + " (2/"
                + index.musts() + " MUSTs judged), score " + ConformanceIndex.percent(1.0 / index.musts()) + " (1/"
                + index.musts() + " passed)");
    }

    @Test
    void should_leave_out_the_musts_a_dialect_does_not_promise() {
        ConformanceIndex index = ConformanceIndex.of(summary("cas", Verdict.PASS, Verdict.PASS, Verdict.WAIVED,
                Verdict.PASS));

        assertThat(musts("cas")).isLessThan(musts("archive-page"));
        assertThat(index).isEqualTo(new ConformanceIndex(musts("cas"), 3, 2));
        assertThat(ConformanceIndex.percent(0.996)).isEqualTo("99%");
    }

    @Test
    void should_show_index_and_score_in_the_summary_the_badge_and_summary_json() throws Exception {
        RunSummary summary = summary("archive-page", Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.PASS)
                .withGate(new Gate(false, 0.02, Optional.empty()));
        int musts = musts("archive-page");
        String index = ConformanceIndex.percent(4.0 / musts);
        String score = ConformanceIndex.percent(3.0 / musts);

        ResultsBundle.write(summary, BUILD, dir, Optional.empty(), Optional.empty());

        assertThat(Files.readString(dir.resolve("summary.md"))).contains("- conformance: index " + index + " (4/"
                + musts + " MUSTs judged), score " + score + " (3/" + musts + " passed); min_index 2%");
        assertThat(Files.readString(dir.resolve("badge.svg"))).contains(">fail · index " + index + " · score "
                + score + " · 1.2.3<");
        String json = Files.readString(dir.resolve("summary.json"));
        assertThat(json).contains("\"conformance\" : {\n    \"index\" : " + Math.round(4.0 / musts * 10_000)
                / 10_000.0 + ",", "\"musts\" : " + musts + ",\n    \"judged\" : 4,\n    \"passed\" : 3,\n"
                + "    \"min_index\" : 0.02\n  }");
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
    }

    @Test
    void should_exit_3_below_min_index_but_1_for_a_failure() {
        RunSummary low = summary("archive-page", Verdict.PASS).withGate(new Gate(false, 0.5, Optional.empty()));
        RunSummary failed = summary("archive-page", Verdict.FAIL).withGate(new Gate(false, 0.5, Optional.empty()));
        String one = ConformanceIndex.percent(1.0 / musts("archive-page"));

        assertThat(ExitStatus.of(low).code()).isEqualTo(ExitStatus.NO_VERDICT);
        assertThat(ExitStatus.of(low).headline()).isEqualTo("**Exit code 3: no verdict possible: conformance index "
                + one + " (1/" + musts("archive-page") + " MUSTs judged), score " + one + " (1/" + musts("archive-page")
                + " passed) is below min_index 50%**");
        assertThat(ExitStatus.of(failed).code()).isEqualTo(ExitStatus.FAILED);
        assertThat(Badge.message(low)).isEqualTo("no verdict · index " + one + " · score " + one);
    }

    @Test
    void should_add_the_comparison_column_and_section_only_with_a_baseline() {
        RunSummary plain = summary("archive-page", Verdict.FAIL, Verdict.PASS);
        BaselineView view = new BaselineView("baseline.json (suite 1.2.3, dialect archive-page)",
                java.util.Map.of("ARCH-001", BaselineView.Mark.KNOWN),
                java.util.Map.of("ARCH-001", "FAIL RequirementNotMet"),
                List.of("event latency via polling: p95 …"));
        RunSummary compared = plain.withGate(new Gate(true, 0, Optional.of(view)));

        String md = SummaryMarkdown.markdown(compared, BUILD);
        String json = JsonMapper.builder().build().writeValueAsString(SummaryJson.of(RunReport.of(compared, BUILD)));

        assertThat(SummaryMarkdown.markdown(plain, BUILD)).contains("| id | level | requirement | verdict | reason |")
                .doesNotContain("## Baseline");
        assertThat(md).contains("| id | level | requirement | verdict | baseline | reason |",
                "| ARCH-001 | MUST | Archive returns the archived thread | FAIL | KNOWN (FAIL RequirementNotMet) | ",
                "| ARCH-002 | MUST | ", " | PASS |  | ", "## Baseline", "- KNOWN (1): ARCH-001", "- NEW (0): none",
                "- **WARN** event latency via polling");
        assertThat(ExitStatus.of(compared).code()).isEqualTo(ExitStatus.PASS);
        assertThat(ExitStatus.of(plain).code()).isEqualTo(ExitStatus.FAILED);
        assertThat(json).contains("\"comparison\":\"KNOWN\"", "\"baseline\":{\"source\":\"baseline.json (suite 1.2.3,"
                + " dialect archive-page)\",\"gate\":\"new\",\"new\":[],\"known\":[\"ARCH-001\"]");
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        assertThat(ConsoleTable.of(compared)).contains("ARCH-001  MUST   FAIL       KNOWN\n",
                "baseline: NEW [], KNOWN [ARCH-001], FIXED [] (gate=new: KNOWN failures do not gate)");
    }
}
