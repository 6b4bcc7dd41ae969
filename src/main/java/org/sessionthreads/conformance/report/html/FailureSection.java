package org.sessionthreads.conformance.report.html;

import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.har.HarFile;
import org.sessionthreads.conformance.report.har.HarPages;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.Verdict;

/**
 * The failures of {@code summary.html}, per requirement: for each scenario that failed, errored or was waived, its
 * whole message, the curl line that repeats the exchange it is about, the requirement's reproduction script when
 * the bundle has one, and its exchanges, each folded: request line, headers as sent (the credential masked at
 * capture), body, then the answer's status, headers and body, bodies cut to {@value #BODY_CHARS} characters. The
 * exchanges the message quotes (by request id) are unfolded.
 */
final class FailureSection {
    /** Characters of a body shown. */
    static final int BODY_CHARS = 4096;
    /** Characters of a failure message shown. */
    static final int REASON_CHARS = 16_384;
    /** Exchanges shown per scenario, the last ones. */
    static final int EXCHANGES = 20;

    private FailureSection() {
    }

    /** True when the requirement has a scenario this section shows. */
    static boolean shown(RunSummary.RequirementResult result) {
        return result.scenarios().stream().anyMatch(FailureSection::shown);
    }

    private static boolean shown(ScenarioOutcome s) {
        return s.verdict() == Verdict.FAIL || s.verdict() == Verdict.ERROR || s.verdict() == Verdict.WAIVED;
    }

    static void append(StringBuilder html, RunSummary summary, BundleLinks links) {
        List<RunSummary.RequirementResult> failed = summary.requirements().stream().filter(FailureSection::shown)
                .toList();
        if (failed.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"failures\">Failures</h2>\n");
        Map<ScenarioOutcome, String> pages = HarPages.of(summary);
        for (RunSummary.RequirementResult r : failed) {
            String id = r.entry().id();
            html.append("<section id=\"fail-").append(Html.anchor(id)).append("\">\n<h3>").append(Html.text(id))
                    .append(' ').append(Html.text(r.entry().title())).append(" — <span class=\"v v-")
                    .append(r.judgement().label()).append("\">").append(r.judgement().label()).append("</span></h3>\n");
            links.reproOf(id).ifPresent(script -> html.append("<p>Reproduce: <a href=\"").append(Html.text(script))
                    .append("\">").append(Html.text(script)).append("</a></p>\n"));
            r.scenarios().stream().filter(FailureSection::shown).forEach(s -> {
                scenario(html, s);
                if (links.har()) {
                    html.append("<p class=\"muted\">Every exchange of this scenario: page <code>")
                            .append(Html.text(pages.get(s))).append("</code> of <a href=\"").append(HarFile.FILE)
                            .append("\">").append(HarFile.FILE).append("</a> (any HAR viewer)</p>\n");
                }
            });
            html.append("</section>\n");
        }
    }

    private static void scenario(StringBuilder html, ScenarioOutcome s) {
        String label = s.judgement().label();
        html.append("<div class=\"failure ").append(label).append("\">\n<p><b>").append(Html.text(s.name()))
                .append("</b> — <span class=\"v v-").append(label).append("\">").append(label).append("</span>")
                .append(s.duration().isZero() ? ""
                        : " <span class=\"muted\">in " + s.duration().toMillis() + " ms</span>")
                .append("</p>\n<pre>").append(Html.text(s.reason().strip(), REASON_CHARS)).append("</pre>\n");
        if (!s.provenance().isEmpty()) {
            html.append("<p class=\"muted\">fixtures: ").append(Html.text(s.provenance())).append("</p>\n");
        }
        if (!s.reproduce().isEmpty()) {
            html.append("<p>Repeat the exchange it is about (set <code>CONFORMANCE_TOKEN</code> first):</p>\n<pre>")
                    .append(Html.text(s.reproduce())).append("</pre>\n");
        }
        List<Exchange> evidence = s.evidence();
        if (!evidence.isEmpty()) {
            int from = Math.max(0, evidence.size() - EXCHANGES);
            html.append("<p>Exchanges (").append(evidence.size() - from)
                    .append(from == 0 ? "" : " of " + evidence.size() + ", the last shown")
                    .append("; the message quotes the ones in bold):</p>\n");
            evidence.subList(from, evidence.size()).forEach(e -> exchange(html, e, s.reason()));
        }
        html.append("</div>\n");
    }

    private static void exchange(StringBuilder html, Exchange e, String reason) {
        boolean quoted = e.requestId() != null && !e.requestId().isEmpty() && reason.contains(e.requestId());
        html.append(quoted ? "<details class=\"quoted\" open>" : "<details>").append("<summary>")
                .append(Html.text(e.summary())).append("</summary>\n<pre>")
                .append(Html.text(e.method() + " " + e.url())).append('\n');
        headers(html, e.requestHeaders());
        if (e.requestBody() != null && !e.requestBody().isEmpty()) {
            html.append('\n').append(Html.text(e.requestBody(), BODY_CHARS)).append('\n');
        }
        html.append("\n— answer: ").append(e.status() == 0 ? Html.text("none (" + e.failure() + ")") : e.status())
                .append(" in ").append(e.duration().toMillis()).append(" ms\n");
        headers(html, e.responseHeaders());
        html.append('\n').append(Html.text(e.responseBody(), BODY_CHARS)).append("</pre></details>\n");
    }

    private static void headers(StringBuilder html, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> html.append(Html.text(name + ": " + String.join(", ", values))).append('\n'));
    }
}
