package org.sessionthreads.conformance.report;

import java.util.List;

/**
 * The parts of {@code summary.md} about how much was tested and about the baseline: the conformance line, the
 * comparison column of the verdict table (only when the run had a baseline, so a run without one reads as before)
 * and the section listing NEW, KNOWN and FIXED requirements with the comparison's warnings.
 */
final class BaselineMarkdown {
    private BaselineMarkdown() {
    }

    /** {@code index 93% (27/29 MUSTs judged), score 86% (25/29 passed)}, and the minimum when one is set. */
    static String conformance(RunSummary summary) {
        double min = summary.gate().minIndex();
        return ConformanceIndex.of(summary).describe() + (min > 0 ? "; min_index " + ConformanceIndex.percent(min)
                : "");
    }

    static String tableHead(RunSummary summary) {
        return summary.gate().baseline().isPresent()
                ? "| id | level | requirement | verdict | baseline | reason |\n|---|---|---|---|---|---|\n"
                : "| id | level | requirement | verdict | reason |\n|---|---|---|---|---|\n";
    }

    /** The comparison cell followed by its separator, or nothing when the run had no baseline. */
    static String cell(RunSummary summary, RunSummary.RequirementResult r) {
        return summary.gate().baseline().map(b -> b.cell(r.entry().id()).replace("|", "\\|") + " | ").orElse("");
    }

    /** The baseline section: the gate it was read under, NEW, KNOWN and FIXED ids, and the warnings. */
    static void append(StringBuilder md, RunSummary summary) {
        summary.gate().baseline().ifPresent(b -> {
            md.append("\n## Baseline\n\n- ").append(b.source()).append("\n- gate: ")
                    .append(summary.gate().newOnly() ? "`new` (only NEW failures gate; KNOWN ones are listed here)"
                            : "`all` (every failure gates)").append('\n');
            line(md, "NEW", b.ids(BaselineView.Mark.NEW));
            line(md, "KNOWN", b.ids(BaselineView.Mark.KNOWN));
            line(md, "FIXED", b.ids(BaselineView.Mark.FIXED));
            b.warnings().forEach(w -> md.append("- **WARN** ").append(w).append('\n'));
        });
    }

    private static void line(StringBuilder md, String mark, List<String> ids) {
        md.append("- ").append(mark).append(" (").append(ids.size()).append("): ")
                .append(ids.isEmpty() ? "none" : String.join(", ", ids)).append('\n');
    }
}
