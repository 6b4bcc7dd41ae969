package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.FindingScripts;
import org.sessionthreads.conformance.report.repro.ReproScript;

/**
 * {@code explore.md}: the run's exploration for a reader: settings and scope, the sequences per fixture kind, then
 * each finding (requirement, rule, minimal steps, what the model allowed, what the target did, confirmed or not)
 * with its evidence exchanges and a curl line for each.
 */
final class ExploreMarkdown {
    private ExploreMarkdown() {
    }

    static String of(ExplorationSection s, RunSummary summary) {
        StringBuilder md = new StringBuilder("# Exploration\n\n");
        md.append("- target: ").append(summary.run().target()).append(" (").append(summary.run().targetUrl())
                .append(")\n- settings: depth ").append(s.settings().depth()).append(", budget ")
                .append(s.settings().budget()).append(" requests, clients ").append(s.settings().clients())
                .append("\n- ").append(s.scope()).append("\n- confirmed findings: ").append(s.confirmed())
                .append(s.failedRequirements().isEmpty() ? "" : " (failing " + String.join(", ",
                        s.failedRequirements()) + ")").append(", unconfirmed (reported, never failed): ")
                .append(s.findings().size() - s.confirmed()).append("\n- summary: [summary.md](summary.md)\n");
        s.notes().forEach(n -> md.append("- note: ").append(n).append('\n'));
        md.append("\n| fixture kind | sequences | judged | failed | judged nothing | over budget | why nothing |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ExplorationSection.Kind k : s.kinds()) {
            md.append("| ").append(k.kind()).append(" | ").append(k.sequences()).append(" | ").append(k.run())
                    .append(" | ").append(k.failed()).append(" | ").append(k.untestable()).append(" | ")
                    .append(k.overBudget()).append(" | ").append(cell(k.reason())).append(" |\n");
        }
        md.append("\n## Findings\n");
        if (s.findings().isEmpty()) {
            md.append("\nNone: every judged sequence kept the model's rules.\n");
        }
        List<String> scripts = FindingScripts.names(s);
        for (int i = 0; i < scripts.size(); i++) {
            finding(md, s.findings().get(i), scripts.get(i));
        }
        return md.toString();
    }

    private static void finding(StringBuilder md, ExplorationSection.Found f, String script) {
        md.append("\n### ").append(f.requirement()).append(" `").append(f.rule()).append("` — ")
                .append(f.confirmed() ? "confirmed" : "not confirmed (reported, not failed)").append("\n\n")
                .append("From a fresh `").append(f.kind()).append("` (").append(f.sequences())
                .append(" enumerated sequence(s) broke this rule), the minimal steps:\n\n");
        for (int i = 0; i < f.steps().size(); i++) {
            md.append(i + 1).append(". ").append(f.steps().get(i)).append('\n');
        }
        md.append("\n- the model allowed: ").append(f.allowed()).append("\n- the target did: ").append(f.observed())
                .append("\n- reproduce: [").append(script).append("](").append(script).append(
                        ") (`CONFORMANCE_TOKEN=… sh ").append(script).append("`)\n");
        if (f.evidence().isEmpty()) {
            return;
        }
        md.append("\nEvidence (the confirming replay; its fixtures were released after it):\n");
        for (Exchange e : f.evidence()) {
            md.append("\n<details><summary>").append(html(e.summary())).append("</summary>\n\n```text\n")
                    .append(e.method()).append(' ').append(e.url()).append('\n');
            headers(md, e.requestHeaders());
            body(md, e.requestBody());
            md.append("\n→ ").append(e.status()).append('\n');
            headers(md, e.responseHeaders());
            body(md, e.responseBody());
            md.append("```\n\n```sh\n").append(ReproScript.curl(e)).append("\n```\n\n</details>\n");
        }
    }

    private static void headers(StringBuilder md, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(v -> md.append(name).append(": ").append(fence(v))
                .append('\n')));
    }

    private static void body(StringBuilder md, String body) {
        if (body != null && !body.isEmpty()) {
            md.append('\n').append(fence(ExploreJson.cut(body))).append('\n');
        }
    }

    /** Text inside a fenced block: a line of backticks in a body must not close the fence. */
    private static String fence(String text) {
        return text.replace("```", "`\u200b``");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
