package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a run's exit code is and why, decided from its {@link RunSummary} alone so that the runner's exit code and
 * the first line of {@code summary.md} can never disagree.
 *
 * <p>Order of the rules (the first that applies wins): a run-level problem other than "nothing ran" (the run could
 * not start, e.g. the token was refused; the target stopped answering; every answer to the profile's token was 401;
 * a scenario class failed outside its scenarios; the run was interrupted) is {@link #NO_VERDICT}; a run in which no
 * scenario executed is {@link #NOTHING_RAN}; a blocking FAIL is {@link #FAILED} (a conformance failure is a
 * verdict, even beside harness errors); any other blocking outcome (ERROR, UNTESTABLE in certify mode) is
 * {@link #NO_VERDICT}; a conformance index below {@code min_index} is {@link #NO_VERDICT} (the run judged too
 * little of the dialect's MUSTs to give one, {@link ConformanceIndex}); else {@link #PASS}. WAIVED and non-gating
 * SHOULD warnings never change the code. Under {@code gate: new} a blocking requirement the baseline knows (KNOWN,
 * {@link Gate#excuses}) counts as neither a blocking FAIL nor another blocking outcome; it stays in every report.
 *
 * @param code   the process exit code
 * @param reason one line, empty for a pass
 */
public record ExitStatus(int code, String reason) {
    /** Every gating requirement kept (valid waivers allowed). */
    public static final int PASS = 0;
    /** A MUST requirement (or a SHOULD the profile gates) failed. */
    public static final int FAILED = 1;
    /** Bad option or configuration, found before any request was sent. */
    public static final int USAGE = 2;
    /**
     * No verdict possible: target unreachable, harness error, UNTESTABLE in certify mode, conformance index below
     * {@code min_index}.
     */
    public static final int NO_VERDICT = 3;
    /** Nothing ran: every scenario was disabled or deselected. */
    public static final int NOTHING_RAN = 4;

    public static ExitStatus of(RunSummary summary) {
        if (!summary.problems().isEmpty()) {
            return new ExitStatus(NO_VERDICT, "no verdict possible: " + String.join("; ", summary.problems()));
        }
        if (summary.nothingExecuted()) {
            return new ExitStatus(NOTHING_RAN, "nothing ran: no scenario was executed (all disabled or deselected)");
        }
        List<RunSummary.RequirementResult> gating = summary.blocking().stream()
                .filter(r -> !summary.gate().excuses(r)).toList();
        List<RunSummary.RequirementResult> failed = gating.stream().filter(r -> r.verdict() == Verdict.FAIL).toList();
        if (!failed.isEmpty()) {
            return new ExitStatus(FAILED, "requirements failed: " + failed.stream()
                    .map(r -> r.entry().id() + " (" + r.entry().level() + ", " + r.entry().title() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!gating.isEmpty()) {
            return new ExitStatus(NO_VERDICT, "no verdict possible for " + gating.stream()
                    .map(r -> r.entry().id() + " (" + r.verdict() + ")").collect(Collectors.joining(", ")));
        }
        ConformanceIndex index = ConformanceIndex.of(summary);
        if (index.index() + 1e-9 < summary.gate().minIndex()) {
            return new ExitStatus(NO_VERDICT, "no verdict possible: conformance " + index.describe()
                    + " is below min_index " + ConformanceIndex.percent(summary.gate().minIndex()));
        }
        return new ExitStatus(PASS, "");
    }

    /** A usage or configuration error found before any request. */
    public static ExitStatus usage(String why) {
        return new ExitStatus(USAGE, "usage or configuration error: " + why);
    }

    /** The first line of {@code summary.md} for a code other than 0; for a pass, empty. */
    public String headline() {
        return code == PASS ? "" : "**Exit code " + code + ": " + reason.replace("\n", " ") + "**";
    }
}
