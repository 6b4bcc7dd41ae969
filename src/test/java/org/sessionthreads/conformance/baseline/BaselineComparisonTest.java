package org.sessionthreads.conformance.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.report.BaselineView;
import org.sessionthreads.conformance.report.BaselineView.Mark;
import org.sessionthreads.conformance.report.Verdict;

class BaselineComparisonTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static BaselineView compare(HandMadeRuns before, HandMadeRuns now) {
        return BaselineComparison.of(Baseline.of(before.snapshot(), Optional.empty()), now.snapshot(), TODAY, 0.5,
                "baseline.json");
    }

    @Test
    void should_mark_the_same_failure_known_although_its_message_differs_in_ids_ports_and_durations() {
        BaselineView view = compare(new HandMadeRuns().fail("ARCH-003").pass("ARCH-001"),
                new HandMadeRuns().fail("ARCH-003").pass("ARCH-001"));

        assertThat(view.marks()).containsExactly(java.util.Map.entry("ARCH-003", Mark.KNOWN));
        assertThat(view.cell("ARCH-003")).isEqualTo("KNOWN (FAIL RequirementNotMet)");
        assertThat(view.warnings()).isEmpty();
    }

    @Test
    void should_mark_a_failure_new_when_it_passed_or_was_absent_in_the_baseline() {
        BaselineView view = compare(new HandMadeRuns().pass("ARCH-001"),
                new HandMadeRuns().fail("ARCH-001").fail("ARCH-002"));

        assertThat(view.ids(Mark.NEW)).containsExactly("ARCH-001", "ARCH-002");
        assertThat(view.notes()).containsEntry("ARCH-001", "FAIL RequirementNotMet, was PASS")
                .containsEntry("ARCH-002", "FAIL RequirementNotMet, was DISABLED");
    }

    @Test
    void should_mark_a_failure_of_another_reason_class_or_invocation_new() {
        BaselineView view = compare(
                new HandMadeRuns().fail("ARCH-003").scenario("EVT-001", "via polling", Verdict.FAIL,
                        "RequirementNotMet"),
                new HandMadeRuns().scenario("ARCH-003", "", Verdict.ERROR, "NoAnswerException")
                        .scenario("EVT-001", "via polling", Verdict.FAIL, "RequirementNotMet")
                        .scenario("EVT-001", "via sse", Verdict.FAIL, "RequirementNotMet"));

        assertThat(view.ids(Mark.NEW)).containsExactly("ARCH-003", "EVT-001");
        assertThat(view.notes()).containsEntry("ARCH-003", "ERROR NoAnswerException, was FAIL RequirementNotMet")
                .containsEntry("EVT-001", "FAIL RequirementNotMet [via polling, via sse], was FAIL"
                        + " RequirementNotMet [via polling]");
    }

    @Test
    void should_mark_a_failure_whose_entry_expired_new_again() {
        Baseline baseline = Baseline.of(new HandMadeRuns().fail("ARCH-003").fail("ARCH-002").snapshot(),
                Optional.of(TODAY.minusDays(1)));
        Baseline lasting = Baseline.of(new HandMadeRuns().fail("ARCH-003").snapshot(), Optional.of(TODAY));

        BaselineView expired = BaselineComparison.of(baseline, new HandMadeRuns().fail("ARCH-003").snapshot(), TODAY,
                0.5, "b");
        BaselineView valid = BaselineComparison.of(lasting, new HandMadeRuns().fail("ARCH-003").snapshot(), TODAY,
                0.5, "b");

        assertThat(expired.cell("ARCH-003")).isEqualTo("NEW (FAIL RequirementNotMet, its baseline entry expired"
                + " 2026-05-31)");
        assertThat(valid.cell("ARCH-003")).isEqualTo("KNOWN (FAIL RequirementNotMet, until 2026-06-01)");
    }

    @Test
    void should_mark_a_requirement_that_passes_now_fixed() {
        BaselineView view = compare(new HandMadeRuns().fail("ARCH-003"), new HandMadeRuns().pass("ARCH-003"));

        assertThat(view.cell("ARCH-003")).isEqualTo("FIXED (was FAIL RequirementNotMet)");
    }

    @Test
    void should_warn_when_p95_latency_is_worse_than_the_tolerance_and_another_suite_version_wrote_the_baseline() {
        Baseline baseline = new Baseline("0.9", "archive-page", Baseline.of(new HandMadeRuns().p95("polling", 10)
                .snapshot(), Optional.empty()).entries(), java.util.Map.of("polling", 10.0, "sse", 10.0));

        BaselineView view = BaselineComparison.of(baseline, new HandMadeRuns().p95("polling", 16).snapshot(), TODAY,
                0.5, "b");
        BaselineView within = BaselineComparison.of(baseline, new HandMadeRuns().p95("polling", 15).snapshot(), TODAY,
                0.5, "b");

        assertThat(view.warnings()).containsExactly("the baseline was written by suite 0.9, this run is 1.0: a"
                        + " requirement new in this version is NEW, the others are compared by their signatures as"
                        + " usual",
                "event latency via polling: p95 16.0 ms, 60% above the baseline's 10.0 ms (tolerance 50%)");
        assertThat(within.warnings()).hasSize(1);
    }

    @Test
    void should_not_warn_about_growth_below_a_millisecond() {
        assertThat(LatencyCheck.warnings(java.util.Map.of("polling", 0.2),
                java.util.Map.of("polling", new RunSnapshot.Percentiles(9, 0.1, 0.9, 1.0)), 0.5, "A's")).isEmpty();
    }
}
