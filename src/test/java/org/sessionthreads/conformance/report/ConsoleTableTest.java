package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ConsoleOptions;

class ConsoleTableTest {
    private final RunSummary summary = RunSummary.of(RequirementCatalogue.load(), List.of(
                    outcome("ARCH-001", Verdict.PASS, ""), outcome("ARCH-002", Verdict.FAIL, "x".repeat(300))),
            new RunSummary.Run("profile 'p'", "target", "http://t/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)),
            3, 0, RunSummary.Facts.of("fixtures of run r: 1 session created (hook 1), 1 released"));

    @Test
    void plainRowsFitOneHundredTwentyColumnsAndTheLastLineIsThePathOfSummaryMd() {
        String table = ConsoleTable.of(summary, ConsoleOptions.PLAIN, Path.of("/r/summary.md"));

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(table).doesNotContain("\u001b").contains("ARCH-002  MUST   FAIL       xxx");
        assertThat(table.lines().reduce((a, b) -> b)).contains("[conformance] summary: /r/summary.md");
    }

    @Test
    void colourHighlightsFailRowsAndColoursPassWords() {
        String table = ConsoleTable.of(summary, new ConsoleOptions(false, true), Path.of("/r/summary.md"));

        assertThat(table).contains("\u001b[1;31m[conformance]   ARCH-002  MUST   FAIL")
                .contains("ARCH-001  MUST   \u001b[32mPASS\u001b[0m").contains("\u001b[1;31mgate FAIL");
    }

    private static ScenarioOutcome outcome(String id, Verdict verdict, String reason) {
        return new ScenarioOutcome(id, id + " scenario", verdict, verdict == Verdict.FAIL, reason,
                Duration.ofMillis(5), "idle_child from hook in 3 ms", List.of("conformance-1"),
                Reproduction.NONE);
    }
}
