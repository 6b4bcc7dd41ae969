package org.sessionthreads.conformance.report.html;

import java.util.List;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.RunSummary;

/** The top of {@code summary.html}: who ran against what, the exit line, the counts and the verdict table. */
final class VerdictSection {
    /** Characters of a reason's first line the table shows; the failure below it shows the whole message. */
    static final int REASON_CHARS = 300;

    private VerdictSection() {
    }

    static void append(StringBuilder html, RunSummary summary, BuildInfo build, ExitStatus status, BundleLinks links) {
        RunSummary.Run run = summary.run();
        html.append("<h1>Conformance summary</h1>\n<ul class=\"facts\">\n")
                .append(item("suite " + build.version() + " (" + build.commit() + ")"))
                .append(item(run.profile()))
                .append(item("target: " + run.target()
                        + (run.targetUrl().isEmpty() ? "" : " (" + run.targetUrl() + ")")))
                .append(item("from " + run.startedAt() + " to " + run.finishedAt()));
        if (!summary.facts().fixtures().isEmpty()) {
            html.append(item(summary.facts().fixtures()));
        }
        html.append("</ul>\n");
        String kind = status.code() == ExitStatus.PASS ? "pass" : status.code() == ExitStatus.FAILED ? "fail" : "other";
        html.append("<div class=\"exit ").append(kind).append("\" id=\"exit\">Exit code ").append(status.code())
                .append(": ").append(status.code() == ExitStatus.PASS ? "pass" : Html.text(status.reason()))
                .append("</div>\n");
        List<String> problems = summary.shownProblems();
        if (!problems.isEmpty()) {
            html.append("<ul>\n");
            problems.forEach(p -> html.append("<li class=\"v-ERROR\">").append(Html.text(p)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<p>").append(Html.text(summary.counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))))
                .append(" · gate <b>").append(summary.passesGate() ? "pass" : "fail").append("</b>");
        if (!links.allure().isEmpty()) {
            html.append(" · <a href=\"").append(links.allure()).append("\">Allure report</a> <span class=\"muted\">"
                    + "(made after the run from allure-results/: <code>mvn allure:report</code> in the suite's source"
                    + " tree, or <code>allure generate --single-file allure-results -o allure-report</code>)</span>");
        }
        html.append("</p>\n");
        table(html, summary, links);
    }

    private static void table(StringBuilder html, RunSummary summary, BundleLinks links) {
        html.append("<h2 id=\"verdicts\">Verdicts</h2>\n<table>\n<tr><th>id</th><th>level</th><th>requirement</th>"
                + "<th>verdict</th><th>reason</th><th>see</th></tr>\n");
        for (RunSummary.RequirementResult r : summary.requirements()) {
            String id = r.entry().id();
            String label = r.judgement().label();
            html.append("<tr class=\"row-").append(label).append("\" id=\"req-").append(Html.anchor(id))
                    .append("\"><td class=\"id\">")
                    .append(Html.text(id)).append("</td><td>").append(r.entry().level()).append("</td><td>")
                    .append(Html.text(r.entry().title())).append("</td><td class=\"v v-").append(label).append("\">")
                    .append(label).append("</td><td class=\"reason\">")
                    .append(Html.text(firstLine(r.reason()), REASON_CHARS))
                    .append("</td><td>");
            if (FailureSection.shown(r)) {
                html.append("<a href=\"#fail-").append(Html.anchor(id)).append("\">failure</a> ");
            }
            links.reproOf(id).ifPresent(script -> html.append("<a href=\"").append(Html.text(script)).append("\">")
                    .append(Html.text(script)).append("</a>"));
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String firstLine(String reason) {
        String stripped = reason.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end) + " …";
    }

    private static String item(String text) {
        return "<li>" + Html.text(text) + "</li>\n";
    }
}
