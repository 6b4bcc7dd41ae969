package org.sessionthreads.conformance.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.ReportFormat;
import org.sessionthreads.conformance.report.RunReport;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * {@code summary.html}: the run for a person with nothing installed, one file that any browser opens offline. It
 * holds the exit line, the verdict table with reasons, per failure its message and exchanges, the measurements and
 * the requests per endpoint, and links to the bundle's reproduction scripts and Allure report (see
 * {@link BundleLinks}). It loads nothing: the style is inline, there is no script, and its Content Security Policy
 * forbids every load besides that inline style, so even text that escaped {@link Html#text} could run nothing.
 * Written from the same {@link RunReport} as {@code summary.md} and {@code summary.json}.
 */
public final class SummaryHtml implements ReportFormat {
    public static final String FILE = "summary.html";
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'";

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), page(report.summary(), report.build(), report.status(),
                BundleLinks.in(dir)), StandardCharsets.UTF_8);
    }

    static String page(RunSummary summary, BuildInfo build, ExitStatus status, BundleLinks links) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.text("Conformance " + (summary.passesGate() ? "pass" : "fail") + " · "
                        + summary.run().targetUrl()))
                .append("</title>\n<style>\n").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n");
        VerdictSection.append(html, summary, build, status, links);
        FailureSection.append(html, summary, links);
        FactSections.append(html, summary, links);
        return html.append("</body>\n</html>\n").toString();
    }
}
