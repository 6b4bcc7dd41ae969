package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.report.repro.ReproFiles;
import org.sessionthreads.conformance.report.har.HarPages;
import org.sessionthreads.conformance.report.har.HarFile;
import org.sessionthreads.conformance.discovery.DiscoveryReport;


/**
 * {@code summary.md}: the {@link RunSummary} for a reader (a CI job summary): the exit code's reason first when it
 * is not 0, the verdict table, then discovery, findings, measurements, the audit, failures, requests and settings.
 */
final class SummaryMarkdown implements ReportFormat {
    static final String FILE = "summary.md";

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        // why: the first line says why the exit code is not 0, before anything else a CI job summary shows
        String headline = report.status().headline();
        Files.writeString(dir.resolve(FILE), (headline.isEmpty() ? "" : headline + "\n\n")
                + markdown(report.summary(), report.build()));
    }

    /** {@code ran}, {@code skipped} ({@code discovery: false}) or {@code not run} (the run stopped before it). */
    private static String status(Optional<DiscoveryReport> discovery) {
        return discovery.map(d -> d.ran() ? "ran" : "skipped").orElse("not run");
    }

    /** The discovery section of summary.md: errors, discovered capabilities, hints, then every finding. */
    private static void appendDiscovery(StringBuilder md, Optional<DiscoveryReport> discovery) {
        md.append("\n## Discovery (").append(status(discovery)).append(")\n\n");
        if (discovery.isEmpty()) {
            return;
        }
        DiscoveryReport d = discovery.get();
        d.errors().forEach(e -> md.append("- **ERROR** (declared, missing): ").append(e).append('\n'));
        d.discovered().forEach(x -> md.append("- discovered: ").append(x).append('\n'));
        d.hints().forEach(h -> md.append("- hint: ").append(h).append('\n'));
        if (!d.findings().isEmpty()) {
            md.append("\n| capability | declared | observed | presence | evidence |\n|---|---|---|---|---|\n");
            d.findings().forEach(f -> md.append("| ").append(f.capability()).append(" | ").append(cell(f.declared()))
                    .append(" | ").append(cell(f.observed())).append(" | ").append(f.presence()).append(" | ")
                    .append(cell(f.evidence())).append(" |\n"));
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String markdown(RunSummary summary, BuildInfo build) {
        StringBuilder md = new StringBuilder("# Conformance summary\n\n");
        md.append("- suite: ").append(build.version()).append(" (").append(build.commit()).append(")\n")
                .append("- ").append(summary.run().profile()).append('\n')
                .append("- target: ").append(summary.run().target()).append(" (").append(summary.run().targetUrl()).append(")\n")
                .append("- from ").append(summary.run().startedAt()).append(" to ").append(summary.run().finishedAt()).append('\n')
                .append("- gate: **").append(summary.passesGate() ? "pass" : "fail").append("**")
                .append(summary.shownProblems().isEmpty() ? "" : " — " + String.join("; ", summary.shownProblems()))
                .append("\n- counts: ").append(counts(summary))
                .append("\n- conformance: ").append(BaselineMarkdown.conformance(summary))
                .append(summary.facts().fixtures().isEmpty() ? "" : "\n- " + summary.facts().fixtures()).append("\n\n")
                .append(BaselineMarkdown.tableHead(summary));
        for (RunSummary.RequirementResult r : summary.requirements()) {
            md.append("| ").append(r.entry().id()).append(" | ").append(r.entry().level()).append(" | ")
                    .append(r.entry().title()).append(" | ").append(label(r)).append(" | ")
                    .append(BaselineMarkdown.cell(summary, r))
                    .append(r.reason().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        BaselineMarkdown.append(md, summary);
        appendDiscovery(md, summary.facts().discovery());
        if (!summary.facts().measured().findings().isEmpty()) {
            md.append("\n## Findings about the target (WARN, not verdicts)\n\n");
            summary.facts().measured().findings().forEach(f -> md.append("- **WARN** ").append(f).append('\n'));
        }
        appendMeasurements(md, summary.facts().measured());
        appendAudit(md, summary);
        appendExploration(md, summary);
        appendFailures(md, summary);
        appendRequests(md, summary);
        appendSettings(md, summary);
        return md.toString();
    }

    /** Requests sent per endpoint (method and path template), the run's load on the target. */
    private static void appendRequests(StringBuilder md, RunSummary summary) {
        if (summary.facts().requests().isEmpty()) {
            return;
        }
        md.append("\n## Requests sent (").append(summary.facts().requestsSent())
                .append(")\n\n| endpoint | requests |\n|---|---|\n");
        summary.facts().requests().forEach((endpoint, n) -> md.append("| ").append(cell(endpoint)).append(" | ").append(n)
                .append(" |\n"));
    }

    /** Every setting with its value and source, after the verdicts (they are what a reader looks for first). */
    private static void appendSettings(StringBuilder md, RunSummary summary) {
        if (summary.facts().settings().isEmpty()) {
            return;
        }
        md.append("\n## Effective settings\n\n| setting | value | from |\n|---|---|---|\n");
        for (RunSummary.Setting s : summary.facts().settings()) {
            md.append("| ").append(s.key()).append(" | ").append(cell(s.value())).append(" | ")
                    .append(cell(s.source())).append(" |\n");
        }
    }

    /** Event latency per channel and the race interleavings, when the run measured any. */
    private static void appendMeasurements(StringBuilder md, Measurements measured) {
        if (!measured.latency().isEmpty()) {
            md.append("\n## Event latency (archive answer → terminated event)\n\n")
                    .append("| channel | samples | p50 ms | p95 ms | max ms | verdicts |\n|---|---|---|---|---|---|\n");
            for (Measurements.ChannelLatency c : measured.latency()) {
                md.append("| ").append(c.channel()).append(" | ").append(c.samples()).append(" | ")
                        .append(SummaryJson.millis(c.p50())).append(" | ").append(SummaryJson.millis(c.p95())).append(" | ")
                        .append(SummaryJson.millis(c.max())).append(" | ").append(joined(c.verdicts())).append(" |\n");
            }
        }
        if (!measured.races().isEmpty()) {
            md.append("\n## Race interleavings\n\n| race | rounds | interleavings observed |\n|---|---|---|\n");
            for (Measurements.Race race : measured.races()) {
                md.append("| ").append(cell(race.race())).append(" | ").append(race.rounds()).append(" | ")
                        .append(cell(joined(race.interleavings()))).append(" |\n");
            }
        }
    }

    /** {@code a 3, b 1}, sorted by key. */
    private static String joined(Map<String, Integer> counts) {
        return new java.util.TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The end-of-run audit's own section: its scope, then one line per invariant. */
    private static void appendAudit(StringBuilder md, RunSummary summary) {
        summary.facts().audit().ifPresent(audit -> {
            md.append("\n## End-of-run audit\n\n- ").append(audit.scope()).append("\n\n")
                    .append("| requirement | check | verdict |\n|---|---|---|\n");
            for (ScenarioOutcome check : audit.checks()) {
                md.append("| ").append(check.requirement()).append(" | ").append(check.name().replace("|", "\\|"))
                        .append(" | ").append(check.verdict()).append(" |\n");
            }
        });
    }

    /** The exploration's counts and the link to its own report, when the run explored. */
    private static void appendExploration(StringBuilder md, RunSummary summary) {
        summary.facts().explored().ifPresent(e -> md.append("\n## Exploration\n\n- ").append(e.scope())
                .append("\n- findings: ").append(e.confirmed()).append(" confirmed")
                .append(e.failedRequirements().isEmpty() ? "" : " (" + String.join(", ", e.failedRequirements()) + ")")
                .append(", ").append(e.findings().size() - e.confirmed()).append(" not confirmed\n- steps, evidence: [")
                .append(ExploreFiles.MARKDOWN).append("](").append(ExploreFiles.MARKDOWN).append("), [")
                .append(ExploreFiles.JSON).append("](").append(ExploreFiles.JSON).append(")\n"));
    }

    /** Per scenario that did not pass: its message and a curl line that repeats the exchange it is about. */
    private static void appendFailures(StringBuilder md, RunSummary summary) {
        List<ScenarioOutcome> failed = summary.requirements().stream().flatMap(r -> r.scenarios().stream())
                .filter(s -> s.verdict() == Verdict.FAIL || s.verdict() == Verdict.ERROR
                        || s.verdict() == Verdict.WAIVED).toList();
        if (failed.isEmpty()) {
            return;
        }
        md.append("\n## Failures\n");
        Map<ScenarioOutcome, String> pages = HarPages.of(summary);
        Map<ScenarioOutcome, String> scripts = ReproFiles.names(summary);
        for (ScenarioOutcome s : failed) {
            md.append("\n### ").append(s.name()).append(" — ").append(s.verdict()).append("\n\n```\n")
                    .append(s.reason().strip()).append("\n```\n");
            md.append("\nExchanges: page `").append(pages.get(s)).append("` of [").append(HarFile.FILE)
                    .append("](").append(HarFile.FILE).append(")\n");
            if (!s.reproduce().isEmpty()) {
                md.append("\nReproduce (set `CONFORMANCE_TOKEN` first")
                        .append(scripts.containsKey(s) ? "; or run `bash " + scripts.get(s) + "`" : "")
                        .append("); ").append(s.reproduction().fixturesLine()).append(":\n\n```sh\n")
                        .append(s.reproduce()).append("\n```\n");
            }
        }
    }

    static String label(RunSummary.RequirementResult r) {
        return r.judgement().label();
    }

    static String counts(RunSummary summary) {
        return summary.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
