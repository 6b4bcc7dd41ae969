package org.sessionthreads.conformance.report.html;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.report.ExploreFiles;
import org.sessionthreads.conformance.report.Measurements;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/**
 * What {@code summary.html} shows after the failures, in the order of {@code summary.md}: findings about the
 * target, event latency per channel, race interleavings, the end-of-run audit, the exploration (linked to
 * explore.md), requests per endpoint, discovery
 * and the effective settings (folded). A section without content is left out.
 */
final class FactSections {
    private FactSections() {
    }

    static void append(StringBuilder html, RunSummary summary, BundleLinks links) {
        Measurements measured = summary.facts().measured();
        if (!measured.findings().isEmpty()) {
            html.append("<h2 id=\"findings\">Findings about the target (WARN, not verdicts)</h2>\n<ul>\n");
            measured.findings().forEach(f -> html.append("<li><b class=\"v-WARN\">WARN</b> ").append(Html.text(f))
                    .append("</li>\n"));
            html.append("</ul>\n");
        }
        latency(html, measured);
        if (!measured.races().isEmpty()) {
            html.append("<h2 id=\"races\">Race interleavings</h2>\n<table>\n")
                    .append(Html.row("th", "race", "rounds", "interleavings observed"));
            measured.races().forEach(race -> html.append(Html.row("td", race.race(), race.rounds(),
                    joined(race.interleavings()))));
            html.append("</table>\n");
        }
        summary.facts().audit().ifPresent(audit -> {
            html.append("<h2 id=\"audit\">End-of-run audit</h2>\n<p>").append(Html.text(audit.scope()))
                    .append("</p>\n<table>\n").append(Html.row("th", "requirement", "check", "verdict"));
            for (ScenarioOutcome check : audit.checks()) {
                html.append(Html.row("td", check.requirement(), check.name(), check.judgement().label()));
            }
            html.append("</table>\n");
        });
        summary.facts().explored().ifPresent(e -> html.append("<h2 id=\"exploration\">Exploration</h2>\n<p>")
                .append(Html.text(e.scope())).append("</p>\n<p>").append(e.confirmed()).append(" confirmed finding(s)")
                .append(Html.text(e.failedRequirements().isEmpty() ? "" : " (" + String.join(", ",
                        e.failedRequirements()) + ")")).append(links.explore() ? ": steps and evidence in <a href=\""
                        + ExploreFiles.MARKDOWN + "\">" + ExploreFiles.MARKDOWN + "</a>" : "").append("</p>\n"));
        if (!summary.facts().requests().isEmpty()) {
            html.append("<h2 id=\"requests\">Requests sent (").append(summary.facts().requestsSent())
                    .append(")</h2>\n<table>\n").append(Html.row("th", "endpoint", "requests"));
            summary.facts().requests().forEach((endpoint, n) -> html.append(Html.row("td", endpoint, n)));
            html.append("</table>\n");
        }
        summary.facts().discovery().ifPresent(d -> discovery(html, d));
        if (!summary.facts().settings().isEmpty()) {
            html.append("<h2 id=\"settings\">Effective settings</h2>\n<details><summary>")
                    .append(summary.facts().settings().size())
                    .append(" settings with their source</summary>\n<table>\n")
                    .append(Html.row("th", "setting", "value", "from"));
            summary.facts().settings().forEach(s -> html.append(Html.row("td", s.key(), s.value(), s.source())));
            html.append("</table>\n</details>\n");
        }
    }

    private static void latency(StringBuilder html, Measurements measured) {
        if (measured.latency().isEmpty()) {
            return;
        }
        html.append("<h2 id=\"latency\">Event latency (archive answer → terminated event)</h2>\n<table>\n")
                .append(Html.row("th", "channel", "samples", "p50 ms", "p95 ms", "max ms", "verdicts"));
        for (Measurements.ChannelLatency c : measured.latency()) {
            html.append(Html.row("td", c.channel(), c.samples(), Html.millis(c.p50()), Html.millis(c.p95()),
                    Html.millis(c.max()), joined(c.verdicts())));
        }
        html.append("</table>\n");
    }

    private static void discovery(StringBuilder html, DiscoveryReport d) {
        html.append("<h2 id=\"discovery\">Discovery (").append(d.ran() ? "ran" : "skipped").append(")</h2>\n<ul>\n");
        d.errors().forEach(e -> html.append("<li><b class=\"v-ERROR\">ERROR</b> (declared, missing): ")
                .append(Html.text(e)).append("</li>\n"));
        d.discovered().forEach(x -> html.append("<li>discovered: ").append(Html.text(x)).append("</li>\n"));
        d.hints().forEach(h -> html.append("<li>hint: ").append(Html.text(h)).append("</li>\n"));
        html.append("</ul>\n");
        if (!d.findings().isEmpty()) {
            html.append("<table>\n")
                    .append(Html.row("th", "capability", "declared", "observed", "presence", "evidence"));
            d.findings().forEach(f -> html.append(Html.row("td", f.capability(), f.declared(), f.observed(),
                    f.presence(), f.evidence())));
            html.append("</table>\n");
        }
    }

    /** {@code a 3, b 1}, sorted by key. */
    private static String joined(Map<String, Integer> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
