package org.sessionthreads.conformance.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.sessionthreads.conformance.report.BaselineView;
import org.sessionthreads.conformance.report.BaselineView.Mark;

/**
 * A run compared with a baseline, requirement by requirement (a pure function of both):
 * <ul>
 *   <li>NEW: it fails now (FAIL, ERROR or UNTESTABLE) and the baseline has it passing, not at all, failing with
 *       another signature, or failing with an entry that expired;</li>
 *   <li>KNOWN: it fails now with the baseline's signature, and the entry has not expired;</li>
 *   <li>FIXED: it passes now and failed in the baseline.</li>
 * </ul>
 * Anything else (passing in both, not run now, WAIVED) has no mark. The warnings say what the comparison cannot
 * see: a baseline of another suite version, and event latency worse than the tolerance.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    /**
     * @param source    how the baseline is named in reports (its file or folder)
     * @param tolerance how much worse (0.5 = 50 %) a channel's p95 may be before it is a warning
     */
    public static BaselineView of(Baseline baseline, RunSnapshot run, LocalDate today, double tolerance,
                                  String source) {
        Map<String, Mark> marks = new TreeMap<>();
        Map<String, String> notes = new TreeMap<>();
        for (RunSnapshot.Outcome now : run.outcomes()) {
            Optional<BaselineEntry> before = baseline.entry(now.requirement());
            if (now.failing()) {
                marks.put(now.requirement(), known(now, before, today) ? Mark.KNOWN : Mark.NEW);
                notes.put(now.requirement(), note(now, before, today));
            } else if (now.passing() && before.filter(BaselineEntry::failing).isPresent()) {
                marks.put(now.requirement(), Mark.FIXED);
                notes.put(now.requirement(), "was " + before.get().signature().orElseThrow().describe());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!baseline.suiteVersion().equals(run.suiteVersion())) {
            warnings.add("the baseline was written by suite " + baseline.suiteVersion() + ", this run is "
                    + run.suiteVersion() + ": a requirement new in this version is NEW, the others are compared by"
                    + " their signatures as usual");
        }
        warnings.addAll(LatencyCheck.warnings(baseline.p95(), run.latency(), tolerance, "the baseline's"));
        return new BaselineView(source + " (suite " + baseline.suiteVersion() + ", dialect " + baseline.dialect()
                + ")", marks, notes, warnings);
    }

    private static boolean known(RunSnapshot.Outcome now, Optional<BaselineEntry> before, LocalDate today) {
        return before.filter(b -> !b.expiredOn(today)).flatMap(BaselineEntry::signature)
                .filter(s -> s.equals(now.signature().orElseThrow())).isPresent();
    }

    private static String note(RunSnapshot.Outcome now, Optional<BaselineEntry> before, LocalDate today) {
        String signature = now.signature().orElseThrow().describe();
        if (before.isEmpty()) {
            return signature + ", absent from the baseline";
        }
        BaselineEntry b = before.get();
        Optional<FailureSignature> was = b.signature();
        if (was.isEmpty()) {
            return signature + ", was " + b.verdict();
        }
        if (!was.get().equals(now.signature().orElseThrow())) {
            return signature + ", was " + was.get().describe();
        }
        if (b.expiredOn(today)) {
            return signature + ", its baseline entry expired " + b.expires().orElseThrow();
        }
        return signature + b.expires().map(d -> ", until " + d).orElse("");
    }
}
