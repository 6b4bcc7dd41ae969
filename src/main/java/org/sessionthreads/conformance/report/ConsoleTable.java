package org.sessionthreads.conformance.report;

import java.nio.file.Path;

import org.sessionthreads.conformance.config.ConsoleOptions;

/**
 * The end-of-run table for the console, from the same {@link RunSummary} as the bundle's files: one row per
 * requirement (FAIL and ERROR rows highlighted when colour is on), the counts and the gate, run-level problems and
 * findings, and the path of summary.md last. Every row fits 120 columns. Requests per endpoint and discovery's
 * hints are summary.md's, and on the console only with {@code console.verbose}.
 */
public final class ConsoleTable {
    private static final int WIDTH = 120;
    private static final String PREFIX = "[conformance] ";

    private ConsoleTable() {
    }

    /** The whole table without colour and without the closing path. */
    public static String of(RunSummary summary) {
        return of(summary, new ConsoleOptions(true, false), null);
    }

    /** The table for a console with {@code options}, ending with the path of {@code summaryMd} when given. */
    public static String of(RunSummary summary, ConsoleOptions options, Path summaryMd) {
        Ansi ansi = Ansi.of(options.colour());
        StringBuilder table = new StringBuilder("\n" + PREFIX + ansi.bold("requirement verdicts") + " ("
                + summary.run().target() + ")\n");
        for (RunSummary.RequirementResult r : summary.requirements()) {
            String label = SummaryMarkdown.label(r);
            String row = String.format("%s  %-9s %-6s %-10s ", PREFIX, r.entry().id(), r.entry().level(), label);
            String reason = r.reason().replace("\n", " ");
            String mark = summary.gate().baseline().map(b -> String.format("%-6s ", b.mark(r.entry().id())
                    .map(Enum::name).orElse(""))).orElse("");
            row = fit(row + mark + reason).stripTrailing();
            table.append(label.equals("PASS") ? row.replace(label, ansi.verdict(label, label))
                    : ansi.verdict(label, row)).append('\n');
        }
        String gate = gate(summary);
        table.append(PREFIX).append(SummaryMarkdown.counts(summary)).append(" → ")
                .append(ansi.verdict(switch (gate) {
                    case "gate PASS" -> "PASS";
                    case "gate FAIL" -> "FAIL";
                    default -> "WARN";
                }, gate));
        table.append('\n').append(PREFIX).append("conformance ").append(BaselineMarkdown.conformance(summary));
        summary.gate().baseline().ifPresent(b -> {
            table.append('\n').append(PREFIX).append("baseline: NEW ").append(b.ids(BaselineView.Mark.NEW))
                    .append(", KNOWN ").append(b.ids(BaselineView.Mark.KNOWN)).append(", FIXED ")
                    .append(b.ids(BaselineView.Mark.FIXED))
                    .append(summary.gate().newOnly() ? " (gate=new: KNOWN failures do not gate)" : "");
            b.warnings().forEach(w -> table.append('\n').append(ansi.verdict("WARN", PREFIX + "WARN: baseline: " + w)));
        });
        summary.shownProblems().forEach(p -> table.append('\n').append(ansi.verdict("ERROR", PREFIX + "run ERROR: " + p)));
        summary.facts().measured().findings().forEach(f -> table.append('\n')
                .append(ansi.verdict("WARN", PREFIX + "WARN: " + f)));
        summary.facts().discovery().ifPresent(discovery -> {
            discovery.discovered().forEach(d -> table.append('\n').append(fit(PREFIX + "discovered: " + d)));
            if (options.verbose()) {
                discovery.hints().forEach(h -> table.append('\n').append(PREFIX).append("hint: ").append(h));
            }
        });
        if (options.verbose() && !summary.facts().requests().isEmpty()) {
            table.append('\n').append(PREFIX).append("requests sent: ").append(summary.facts().requestsSent())
                    .append(" (per endpoint in summary.md)");
        }
        if (summaryMd != null) {
            table.append('\n').append(PREFIX).append("summary: ").append(ansi.bold(summaryMd.toString()));
        }
        return table.append('\n').toString();
    }

    /** {@code line} cut to the table's width (the whole text is in summary.md). */
    private static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
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
