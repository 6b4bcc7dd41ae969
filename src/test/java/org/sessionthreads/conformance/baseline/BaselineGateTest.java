package org.sessionthreads.conformance.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.RunSummary;

class BaselineGateTest {
    @TempDir
    Path dir;

    private Path yesterday() {
        return new HandMadeRuns().fail("ARCH-003").pass("ARCH-001").pass("ARCH-002").bundle(dir.resolve("y"));
    }

    @Test
    void should_pass_with_gate_new_when_every_failure_is_known_and_keep_listing_it() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().fail("ARCH-003").pass("ARCH-001")
                .pass("ARCH-002").setting("baseline", yesterday().toString()).setting("gate", "new").summary(),
                HandMadeRuns.BUILD);

        assertThat(ExitStatus.of(summary).code()).isEqualTo(ExitStatus.PASS);
        assertThat(summary.gate().baseline().orElseThrow().ids(org.sessionthreads.conformance.report.BaselineView
                .Mark.KNOWN)).containsExactly("ARCH-003");
        assertThat(summary.blocking()).extracting(r -> r.entry().id()).containsExactly("ARCH-003");
    }

    @Test
    void should_fail_with_gate_new_on_a_newly_broken_requirement_naming_only_it() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().fail("ARCH-003").pass("ARCH-001")
                .fail("ARCH-002").setting("baseline", yesterday().toString()).setting("gate", "new").summary(),
                HandMadeRuns.BUILD);

        ExitStatus status = ExitStatus.of(summary);
        assertThat(status.code()).isEqualTo(ExitStatus.FAILED);
        assertThat(status.reason()).contains("ARCH-002").doesNotContain("ARCH-003");
    }

    @Test
    void should_fail_on_known_failures_too_with_gate_all() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().fail("ARCH-003")
                .setting("baseline", yesterday().toString()).summary(), HandMadeRuns.BUILD);

        assertThat(ExitStatus.of(summary).code()).isEqualTo(ExitStatus.FAILED);
        assertThat(summary.gate().baseline().orElseThrow().cell("ARCH-003")).startsWith("KNOWN");
    }

    @Test
    void should_make_a_baseline_of_another_dialect_a_run_level_problem() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().pass("ARCH-001").setting("dialect", "cas")
                .setting("baseline", yesterday().toString()).summary(), HandMadeRuns.BUILD);

        assertThat(ExitStatus.of(summary).code()).isEqualTo(ExitStatus.NO_VERDICT);
        assertThat(summary.problems()).singleElement().asString().contains("was written for dialect"
                + " 'archive-page', this run's is 'cas'");
    }

    @Test
    void should_make_gate_new_without_a_baseline_a_run_level_problem() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().pass("ARCH-001").setting("gate", "new")
                .summary(), HandMadeRuns.BUILD);

        assertThat(summary.problems()).singleElement().asString().startsWith("gate: new needs a baseline");
    }

    @Test
    void should_read_the_effective_settings_empty_value_as_no_baseline() {
        RunSummary summary = BaselineGate.applied(new HandMadeRuns().fail("ARCH-003")
                .setting("baseline", "(empty)").summary(), HandMadeRuns.BUILD);

        assertThat(summary.problems()).isEmpty();
        assertThat(summary.gate().baseline()).isEmpty();
        assertThat(ExitStatus.of(summary).code()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void should_gate_on_min_index_with_exit_3() {
        HandMadeRuns run = new HandMadeRuns().pass("ARCH-001").pass("ARCH-002");
        RunSummary low = BaselineGate.applied(run.setting("min_index", "90%").summary(), HandMadeRuns.BUILD);
        RunSummary none = BaselineGate.applied(run.setting("min_index", "0").summary(), HandMadeRuns.BUILD);

        assertThat(ExitStatus.of(low).code()).isEqualTo(ExitStatus.NO_VERDICT);
        assertThat(ExitStatus.of(low).reason()).matches("no verdict possible: conformance index \\d+% \\(2/\\d+ MUSTs"
                + " judged\\), score \\d+% \\(2/\\d+ passed\\) is below min_index 90%");
        assertThat(ExitStatus.of(none).code()).isEqualTo(ExitStatus.PASS);
    }
}
