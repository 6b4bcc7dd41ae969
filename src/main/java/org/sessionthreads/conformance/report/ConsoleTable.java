package org.sessionthreads.conformance.report;

/** The end-of-run table for the console, from the same {@link RunSummary} as the bundle's files. */
public final class ConsoleTable {
    private static final int REASON_IN_TABLE = 110;

    private ConsoleTable() {
    }

    /** The end-of-run table for the console: one line per requirement, then the counts and the gate. */
    public static String of(RunSummary summary) {
        StringBuilder table = new StringBuilder("\n[conformance] requirement verdicts (" + summary.run().target() + ")\n");
        for (RunSummary.RequirementResult r : summary.requirements()) {
            String reason = r.reason().replace("\n", " ");
            String mark = summary.gate().baseline().map(b -> String.format("%-6s ", b.mark(r.entry().id())
                    .map(Enum::name).orElse(""))).orElse("");
            table.append(String.format("[conformance]   %-9s %-6s %-10s %s%s%n", r.entry().id(), r.entry().level(),
                    SummaryMarkdown.label(r), mark,
                    reason.length() > REASON_IN_TABLE ? reason.substring(0, REASON_IN_TABLE) + "…" : reason));
        }
        table.append("[conformance] ").append(SummaryMarkdown.counts(summary)).append(" → ").append(gate(summary));
        table.append("\n[conformance] conformance ").append(BaselineMarkdown.conformance(summary));
        summary.gate().baseline().ifPresent(b -> {
            table.append("\n[conformance] baseline: NEW ").append(b.ids(BaselineView.Mark.NEW)).append(", KNOWN ")
                    .append(b.ids(BaselineView.Mark.KNOWN)).append(", FIXED ").append(b.ids(BaselineView.Mark.FIXED))
                    .append(summary.gate().newOnly() ? " (gate=new: KNOWN failures do not gate)" : "");
            b.warnings().forEach(w -> table.append("\n[conformance] WARN: baseline: ").append(w));
        });
        if (!summary.facts().requests().isEmpty()) {
            table.append("\n[conformance] requests sent: ").append(summary.facts().requestsSent()).append(" (per endpoint in"
                    + " summary.md)");
        }
        summary.shownProblems().forEach(p -> table.append("\n[conformance] run ERROR: ").append(p));
        summary.facts().discovery().ifPresent(discovery -> {
            discovery.discovered().forEach(d -> table.append("\n[conformance] discovered: ").append(d));
            discovery.hints().forEach(h -> table.append("\n[conformance] hint: ").append(h));
        });
        summary.facts().measured().findings().forEach(f -> table.append("\n[conformance] WARN: ").append(f));
        return table.append('\n').toString();
    }

    /**
     * The gate's word, as the exit code decides it ({@link ExitStatus}): a run that could give no verdict (target
     * unreachable, token refused) or ran nothing neither passed nor failed the gate, and says so.
     */
    static String gate(RunSummary summary) {
        return switch (ExitStatus.of(summary).code()) {
            case ExitStatus.PASS -> "gate PASS";
            case ExitStatus.FAILED -> "gate FAIL";
            case ExitStatus.NOTHING_RAN -> "no gate: nothing ran (exit 4)";
            default -> "no gate: no verdict possible (exit 3)";
        };
    }
}
