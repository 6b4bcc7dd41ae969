package org.sessionthreads.conformance.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sessionthreads.conformance.report.BaselineView;
import org.sessionthreads.conformance.report.ConformanceIndex;

/**
 * The requirement-by-requirement difference of two runs, A (before) and B (after), for {@code compare A B}: each
 * requirement whose verdict or failure signature differs, or that fails in both, with its mark as if A were B's
 * baseline (NEW, KNOWN, FIXED; CHANGED for another change of verdict, e.g. PASS to DISABLED); the conformance index
 * and score; latency percentiles per channel; requests per endpoint.
 *
 * <p>B is worse than A when a requirement is NEW in B, or B's conformance index is lower (it judged less).
 */
public record RunDiff(RunSnapshot a, RunSnapshot b, List<Row> rows, List<String> warnings) {
    /** How much worse B's p95 latency of a channel may be than A's before it is a warning (the setting's default). */
    static final double TOLERANCE = 0.5;

    /** One requirement that changed or fails in both runs; {@code change} is NEW, KNOWN, FIXED or CHANGED. */
    public record Row(String requirement, String change, String before, String after) {
    }

    public RunDiff {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public static RunDiff of(RunSnapshot a, RunSnapshot b) {
        BaselineView view = BaselineComparison.of(Baseline.of(a, Optional.empty()), b, LocalDate.now(), TOLERANCE,
                "A");
        List<Row> rows = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        a.outcomes().forEach(o -> ids.add(o.requirement()));
        b.outcomes().forEach(o -> ids.add(o.requirement()));
        for (String id : ids) {
            Optional<RunSnapshot.Outcome> before = a.outcome(id);
            Optional<RunSnapshot.Outcome> after = b.outcome(id);
            String was = before.map(RunDiff::describe).orElse("absent");
            String now = after.map(RunDiff::describe).orElse("absent");
            Optional<String> mark = view.mark(id).map(Enum::name);
            if (mark.isPresent() || !was.equals(now)) {
                rows.add(new Row(id, mark.orElse("CHANGED"), was, now));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!a.suiteVersion().equals(b.suiteVersion())) {
            warnings.add("A was written by suite " + a.suiteVersion() + ", B by " + b.suiteVersion());
        }
        warnings.addAll(LatencyCheck.warnings(Baseline.of(a, Optional.empty()).p95(), b.latency(), TOLERANCE, "A's"));
        if (!a.dialect().equals(b.dialect())) {
            warnings.add("A is of dialect '" + a.dialect() + "', B of '" + b.dialect() + "': levels and"
                    + " expectations differ");
        }
        return new RunDiff(a, b, rows, warnings);
    }

    private static String describe(RunSnapshot.Outcome o) {
        return o.signature().map(FailureSignature::describe).orElse(o.verdict());
    }

    /** The ids with {@code change}. */
    public List<String> ids(String change) {
        return rows.stream().filter(r -> r.change().equals(change)).map(Row::requirement).toList();
    }

    /** Why B is worse than A; empty when it is not. */
    public List<String> worse() {
        List<String> why = new ArrayList<>();
        if (!ids("NEW").isEmpty()) {
            why.add("requirements failing in B that did not fail so in A: " + String.join(", ", ids("NEW")));
        }
        if (b.conformance().index() + 1e-9 < a.conformance().index()) {
            why.add("B judged less: conformance index " + ConformanceIndex.percent(b.conformance().index())
                    + " < A's " + ConformanceIndex.percent(a.conformance().index()));
        }
        return why;
    }

    /** Per endpoint of either run: {A's requests, B's requests}. */
    public Map<String, long[]> requests() {
        Map<String, long[]> both = new TreeMap<>();
        a.requests().forEach((e, n) -> both.computeIfAbsent(e, k -> new long[2])[0] = n);
        b.requests().forEach((e, n) -> both.computeIfAbsent(e, k -> new long[2])[1] = n);
        return both;
    }
}
