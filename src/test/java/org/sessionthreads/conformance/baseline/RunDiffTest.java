package org.sessionthreads.conformance.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.report.Verdict;

class RunDiffTest {
    private static final String ARCHIVE = "POST /v1/sessions/{id}/threads/{id}/archive";

    @TempDir
    Path dir;

    @Test
    void should_name_exactly_the_requirements_that_broke_and_call_b_worse() throws IOException {
        Path a = new HandMadeRuns().pass("ARCH-001").pass("ARCH-003").fail("IDLE-001").p95("polling", 10)
                .requests(Map.of(ARCHIVE, 40L)).bundle(dir.resolve("a"));
        Path b = new HandMadeRuns().pass("ARCH-001").fail("ARCH-003").fail("IDLE-001").p95("polling", 30)
                .requests(Map.of(ARCHIVE, 44L)).bundle(dir.resolve("b"));

        RunDiff diff = RunDiff.of(BundleSnapshot.read(a), BundleSnapshot.read(b));
        RunDiffReport.write(diff, "a", "b", dir.resolve("out"));

        assertThat(diff.ids("NEW")).containsExactly("ARCH-003");
        assertThat(diff.ids("KNOWN")).containsExactly("IDLE-001");
        assertThat(diff.worse()).containsExactly("requirements failing in B that did not fail so in A: ARCH-003");
        String md = Files.readString(dir.resolve("out").resolve(RunDiffReport.MARKDOWN));
        assertThat(md).contains("**B is worse than A**", "| ARCH-003 | NEW | PASS | FAIL RequirementNotMet |",
                "| polling | 1.0 → 1.0 | 10.0 → 30.0 | 11.0 → 31.0 |", "| " + ARCHIVE + " | 40 | 44 | 4 |",
                "- **WARN** event latency via polling: p95 30.0 ms, 200% above A's 10.0 ms (tolerance 50%)");
        assertThat(Files.readString(dir.resolve("out").resolve(RunDiffReport.JSON_FILE)))
                .contains("\"worse\" : true", "\"new\" : [ \"ARCH-003\" ]", "\"known\" : [ \"IDLE-001\" ]");
    }

    @Test
    void should_not_call_b_worse_for_a_fix_but_for_judging_less() throws IOException {
        Path a = new HandMadeRuns().pass("ARCH-001").fail("ARCH-003").bundle(dir.resolve("a"));
        Path fixed = new HandMadeRuns().pass("ARCH-001").pass("ARCH-003").bundle(dir.resolve("fixed"));
        Path less = new HandMadeRuns().pass("ARCH-001").scenario("ARCH-003", "", Verdict.UNTESTABLE, "Untestable")
                .bundle(dir.resolve("less"));

        RunDiff better = RunDiff.of(BundleSnapshot.read(a), BundleSnapshot.read(fixed));
        RunDiff worse = RunDiff.of(BundleSnapshot.read(a), BundleSnapshot.read(less));

        assertThat(better.worse()).isEmpty();
        assertThat(better.ids("FIXED")).containsExactly("ARCH-003");
        assertThat(RunDiffReport.markdown(better, "a", "b")).contains("- B is not worse than A");
        assertThat(worse.ids("NEW")).containsExactly("ARCH-003");
        assertThat(worse.worse()).anyMatch(w -> w.startsWith("B judged less: conformance index"));
    }

    @Test
    void should_list_a_change_of_verdict_that_is_no_failure_as_changed() {
        RunDiff diff = RunDiff.of(new HandMadeRuns().pass("ARCH-001").pass("ARCH-002").snapshot(),
                new HandMadeRuns().pass("ARCH-001").snapshot());

        assertThat(diff.rows()).containsExactly(new RunDiff.Row("ARCH-002", "CHANGED", "PASS", "DISABLED"));
        assertThat(diff.worse()).singleElement().asString().startsWith("B judged less");
    }
}
