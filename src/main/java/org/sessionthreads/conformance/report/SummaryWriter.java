package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.discovery.DiscoveryReport;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link RunSummary} as {@code summary.json} (schema: {@code schemas/summary.schema.json}),
 * {@code summary.md}, and the end-of-run console table.
 */
public final class SummaryWriter {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int REASON_IN_TABLE = 110;

    private SummaryWriter() {
    }

    public static void write(RunSummary summary, BuildInfo build, Path dir) {
        write(summary, build, dir, ExitStatus.of(summary));
    }

    /** Writes with an exit status the summary cannot know (a usage error the runner found before the run). */
    public static void write(RunSummary summary, BuildInfo build, Path dir, ExitStatus status) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = json(summary, build);
            json.put("exit_code", status.code());
            json.put("exit_reason", status.reason());
            Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(json) + "\n");
            // why: the first line says why the exit code is not 0, before anything else a CI job summary shows
            String headline = status.headline();
            Files.writeString(dir.resolve("summary.md"), (headline.isEmpty() ? "" : headline + "\n\n")
                    + markdown(summary, build));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary to " + dir, e);
        }
    }

    static Map<String, Object> json(RunSummary summary, BuildInfo build) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("name", "thread-archive-conformance");
        suite.put("version", build.version());
        suite.put("commit", build.commit());
        root.put("suite", suite);
        root.put("profile", summary.profile());
        root.put("target", summary.target());
        root.put("target_url", summary.targetUrl());
        root.put("started_at", summary.startedAt().toString());
        root.put("finished_at", summary.finishedAt().toString());
        root.put("duration_ms", Duration.between(summary.startedAt(), summary.finishedAt()).toMillis());
        root.put("gate", summary.passesGate() ? "pass" : "fail");
        root.put("problems", summary.shownProblems());
        root.put("settings", summary.settings().stream().map(setting -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("key", setting.key());
            node.put("value", setting.value());
            node.put("source", setting.source());
            return node;
        }).toList());
        root.put("fixtures", summary.fixtures());
        if (!summary.requests().isEmpty()) {
            Map<String, Object> requests = new LinkedHashMap<>();
            requests.put("total", summary.requestsSent());
            requests.put("per_endpoint", summary.requests());
            root.put("requests", requests);
        }
        summary.audit().ifPresent(audit -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("scope", audit.scope());
            section.put("checks", audit.checks().stream().map(c -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("name", c.name());
                check.put("requirement", c.requirement());
                check.put("verdict", c.verdict().name());
                check.put("reason", c.reason());
                return check;
            }).toList());
            root.put("audit", section);
        });
        Map<String, Long> counts = new LinkedHashMap<>();
        summary.counts().forEach((verdict, count) -> counts.put(verdict.name(), count));
        root.put("counts", counts);
        root.put("requirements", summary.requirements().stream().map(SummaryWriter::json).toList());
        root.put("discovery", json(summary.discovery()));
        root.put("event_latency", eventLatency(summary.measured()));
        root.put("races", races(summary.measured()));
        root.put("target_findings", summary.measured().findings());
        return root;
    }

    /** Channel → p50/p95/max in milliseconds (fractional: the embedded target answers in well under 1 ms). */
    private static Map<String, Object> eventLatency(Measurements measured) {
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Measurements.ChannelLatency c : measured.latency()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("samples", c.samples());
            node.put("p50_ms", millis(c.p50()));
            node.put("p95_ms", millis(c.p95()));
            node.put("max_ms", millis(c.max()));
            node.put("verdicts", new java.util.TreeMap<>(c.verdicts()));
            channels.put(c.channel(), node);
        }
        return channels;
    }

    private static List<Map<String, Object>> races(Measurements measured) {
        return measured.races().stream().map(race -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("race", race.race());
            node.put("rounds", race.rounds());
            node.put("interleavings", new java.util.TreeMap<>(race.interleavings()));
            node.put("scenarios", race.scenarios().stream().map(s -> {
                Map<String, Object> scenario = new LinkedHashMap<>();
                scenario.put("requirement", s.requirement());
                scenario.put("scenario", s.scenario());
                scenario.put("interleavings", new java.util.TreeMap<>(s.interleavings()));
                return scenario;
            }).toList());
            return node;
        }).toList();
    }

    /** Milliseconds with three decimals (microsecond resolution). */
    static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }

    private static Map<String, Object> json(Optional<DiscoveryReport> discovery) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("status", status(discovery));
        node.put("findings", discovery.map(DiscoveryReport::findings).orElse(List.of()));
        node.put("errors", discovery.map(DiscoveryReport::errors).orElse(List.of()));
        node.put("hints", discovery.map(DiscoveryReport::hints).orElse(List.of()));
        node.put("discovered", discovery.map(DiscoveryReport::discovered).orElse(List.of()));
        return node;
    }

    /** {@code ran}, {@code skipped} ({@code discovery: false}) or {@code not run} (the run stopped before it). */
    static String status(Optional<DiscoveryReport> discovery) {
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

    private static Map<String, Object> json(RunSummary.RequirementResult r) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", r.entry().id());
        node.put("level", r.entry().level().name());
        node.put("title", r.entry().title());
        node.put("text", r.entry().text());
        node.put("source", r.entry().source());
        node.put("verdict", r.verdict().name());
        node.put("warning", r.warning());
        node.put("blocking", r.blocking());
        node.put("reason", r.reason());
        node.put("duration_ms", r.duration().toMillis());
        node.put("scenarios", r.scenarios().stream().map(s -> {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("name", s.name());
            scenario.put("verdict", s.verdict().name());
            scenario.put("reason", s.reason());
            scenario.put("duration_ms", s.duration().toMillis());
            scenario.put("provenance", s.provenance());
            scenario.put("exchanges", s.exchanges());
            scenario.put("reproduce", s.reproduce());
            return scenario;
        }).toList());
        return node;
    }

    static String markdown(RunSummary summary, BuildInfo build) {
        StringBuilder md = new StringBuilder("# Conformance summary\n\n");
        md.append("- suite: ").append(build.version()).append(" (").append(build.commit()).append(")\n")
                .append("- ").append(summary.profile()).append('\n')
                .append("- target: ").append(summary.target()).append(" (").append(summary.targetUrl()).append(")\n")
                .append("- from ").append(summary.startedAt()).append(" to ").append(summary.finishedAt()).append('\n')
                .append("- gate: **").append(summary.passesGate() ? "pass" : "fail").append("**")
                .append(summary.shownProblems().isEmpty() ? "" : " — " + String.join("; ", summary.shownProblems()))
                .append("\n- counts: ").append(counts(summary))
                .append(summary.fixtures().isEmpty() ? "" : "\n- " + summary.fixtures()).append("\n\n")
                .append("| id | level | requirement | verdict | reason |\n|---|---|---|---|---|\n");
        for (RunSummary.RequirementResult r : summary.requirements()) {
            md.append("| ").append(r.entry().id()).append(" | ").append(r.entry().level()).append(" | ")
                    .append(r.entry().title()).append(" | ").append(label(r)).append(" | ")
                    .append(r.reason().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        appendDiscovery(md, summary.discovery());
        if (!summary.measured().findings().isEmpty()) {
            md.append("\n## Findings about the target (WARN, not verdicts)\n\n");
            summary.measured().findings().forEach(f -> md.append("- **WARN** ").append(f).append('\n'));
        }
        appendMeasurements(md, summary.measured());
        appendAudit(md, summary);
        appendFailures(md, summary);
        appendRequests(md, summary);
        appendSettings(md, summary);
        return md.toString();
    }

    /** Requests sent per endpoint (method and path template), the run's load on the target. */
    private static void appendRequests(StringBuilder md, RunSummary summary) {
        if (summary.requests().isEmpty()) {
            return;
        }
        md.append("\n## Requests sent (").append(summary.requestsSent())
                .append(")\n\n| endpoint | requests |\n|---|---|\n");
        summary.requests().forEach((endpoint, n) -> md.append("| ").append(cell(endpoint)).append(" | ").append(n)
                .append(" |\n"));
    }

    /** Every setting with its value and source, after the verdicts (they are what a reader looks for first). */
    private static void appendSettings(StringBuilder md, RunSummary summary) {
        if (summary.settings().isEmpty()) {
            return;
        }
        md.append("\n## Effective settings\n\n| setting | value | from |\n|---|---|---|\n");
        for (RunSummary.Setting s : summary.settings()) {
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
                        .append(millis(c.p50())).append(" | ").append(millis(c.p95())).append(" | ")
                        .append(millis(c.max())).append(" | ").append(joined(c.verdicts())).append(" |\n");
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
        summary.audit().ifPresent(audit -> {
            md.append("\n## End-of-run audit\n\n- ").append(audit.scope()).append("\n\n")
                    .append("| requirement | check | verdict |\n|---|---|---|\n");
            for (ScenarioOutcome check : audit.checks()) {
                md.append("| ").append(check.requirement()).append(" | ").append(check.name().replace("|", "\\|"))
                        .append(" | ").append(check.verdict()).append(" |\n");
            }
        });
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
        for (ScenarioOutcome s : failed) {
            md.append("\n### ").append(s.name()).append(" — ").append(s.verdict()).append("\n\n```\n")
                    .append(s.reason().strip()).append("\n```\n");
            if (!s.reproduce().isEmpty()) {
                md.append("\nReproduce (set `CONFORMANCE_TOKEN` first):\n\n```sh\n").append(s.reproduce())
                        .append("\n```\n");
            }
        }
    }

    /** The end-of-run table for the console: one line per requirement, then the counts and the gate. */
    public static String consoleTable(RunSummary summary) {
        StringBuilder table = new StringBuilder("\n[conformance] requirement verdicts (" + summary.target() + ")\n");
        for (RunSummary.RequirementResult r : summary.requirements()) {
            String reason = r.reason().replace("\n", " ");
            table.append(String.format("[conformance]   %-9s %-6s %-10s %s%n", r.entry().id(), r.entry().level(),
                    label(r), reason.length() > REASON_IN_TABLE ? reason.substring(0, REASON_IN_TABLE) + "…" : reason));
        }
        table.append("[conformance] ").append(counts(summary)).append(" → gate ")
                .append(summary.passesGate() ? "PASS" : "FAIL");
        if (!summary.requests().isEmpty()) {
            table.append("\n[conformance] requests sent: ").append(summary.requestsSent()).append(" (per endpoint in"
                    + " summary.md)");
        }
        summary.shownProblems().forEach(p -> table.append("\n[conformance] run ERROR: ").append(p));
        summary.discovery().ifPresent(discovery -> {
            discovery.discovered().forEach(d -> table.append("\n[conformance] discovered: ").append(d));
            discovery.hints().forEach(h -> table.append("\n[conformance] hint: ").append(h));
        });
        summary.measured().findings().forEach(f -> table.append("\n[conformance] WARN: ").append(f));
        return table.append('\n').toString();
    }

    private static String label(RunSummary.RequirementResult r) {
        return r.judgement().label();
    }

    private static String counts(RunSummary summary) {
        return summary.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
