package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.report.repro.ReproFiles;
import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.discovery.Finding;

/**
 * {@code summary.json} (schema: {@code schemas/summary.schema.json}): the {@link RunSummary} as records Jackson
 * writes field by field, in the order declared here. Settings and discovery's findings are written as they are.
 */
final class SummaryJson implements ReportFormat {
    static final String FILE = "summary.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(of(report)) + "\n");
    }

    /** The summary's JSON document. */
    static Root of(RunReport report) {
        RunSummary s = report.summary();
        Map<ScenarioOutcome, String> repro = ReproFiles.names(s);
        Measurements measured = s.facts().measured();
        Map<String, Long> counts = new LinkedHashMap<>();
        s.counts().forEach((verdict, count) -> counts.put(verdict.name(), count));
        Map<String, Latency> latency = new LinkedHashMap<>();
        measured.latency().forEach(c -> latency.put(c.channel(), new Latency(c.samples(), millis(c.p50()),
                millis(c.p95()), millis(c.max()), new TreeMap<>(c.verdicts()))));
        return new Root(new Suite(JUnitXmlWriter.SUITE, report.build().version(), report.build().commit()),
                s.run().profile(), s.run().target(), s.run().targetUrl(), s.run().startedAt().toString(), s.run().finishedAt().toString(),
                Duration.between(s.run().startedAt(), s.run().finishedAt()).toMillis(), s.passesGate() ? "pass" : "fail",
                s.shownProblems(), s.facts().settings(), s.facts().fixtures(),
                s.facts().requests().isEmpty() ? null : new Requests(s.facts().requestsSent(), s.facts().requests()),
                s.facts().audit().map(a -> new Audit(a.scope(), a.checks().stream().map(c -> new Check(c.name(),
                        c.requirement(), c.verdict().name(), c.reason())).toList())).orElse(null),
                s.facts().explored().map(Exploration::of).orElse(null),
                counts, Conformance.of(s), s.requirements().stream().map(r -> requirement(r, s.gate(), repro)).toList(),
                s.gate().baseline().map(b -> BaselineJson.of(b, s.gate())).orElse(null),
                Discovery.of(s.facts().discovery()), latency, measured.races().stream().map(r -> new Race(r.race(),
                        r.rounds(), new TreeMap<>(r.interleavings()), r.scenarios().stream().map(x ->
                        new ScenarioRace(x.requirement(), x.scenario(), new TreeMap<>(x.interleavings()))).toList()))
                        .toList(), measured.findings(), report.status().code(), report.status().reason());
    }

    private static Requirement requirement(RunSummary.RequirementResult r, Gate gate,
                                           Map<ScenarioOutcome, String> repro) {
        return new Requirement(r.entry().id(), r.entry().level().name(), r.entry().title(), r.entry().text(),
                r.entry().source(), r.verdict().name(), r.warning(), r.blocking(), r.reason(), r.reasonClass(),
                gate.baseline().flatMap(b -> b.mark(r.entry().id())).map(Enum::name).orElse(null),
                r.duration().toMillis(), r.scenarios().stream().map(s -> new Scenario(s.name(), s.verdict().name(),
                s.reason(), s.reasonClass(), s.duration().toMillis(), s.provenance(), s.exchanges(), s.reproduce(),
                Repro.of(s, repro.get(s)))).toList());
    }

    /** Milliseconds with three decimals (microsecond resolution). */
    static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }

    record Root(Suite suite, String profile, String target, @JsonProperty("target_url") String targetUrl,
                @JsonProperty("started_at") String startedAt, @JsonProperty("finished_at") String finishedAt,
                @JsonProperty("duration_ms") long durationMs, String gate, List<String> problems,
                List<RunSummary.Setting> settings, String fixtures,
                @JsonInclude(JsonInclude.Include.NON_NULL) Requests requests,
                @JsonInclude(JsonInclude.Include.NON_NULL) Audit audit,
                @JsonInclude(JsonInclude.Include.NON_NULL) Exploration exploration, Map<String, Long> counts,
                Conformance conformance, List<Requirement> requirements,
                @JsonInclude(JsonInclude.Include.NON_NULL) BaselineJson baseline, Discovery discovery,
                @JsonProperty("event_latency") Map<String, Latency> eventLatency, List<Race> races,
                @JsonProperty("target_findings") List<String> targetFindings,
                @JsonProperty("exit_code") int exitCode, @JsonProperty("exit_reason") String exitReason) {
    }

    record Suite(String name, String version, String commit) {
    }

    record Requests(long total, @JsonProperty("per_endpoint") Map<String, Long> perEndpoint) {
    }

    record Audit(String scope, List<Check> checks) {
    }

    record Check(String name, String requirement, String verdict, String reason) {
    }

    /** The exploration in short; its whole report is in {@code explore.md} and {@code explore.json}. */
    record Exploration(String scope, int depth, int budget, int clients, @JsonProperty("sequences_run") int run,
                       int requests, @JsonProperty("duration_ms") long durationMs, int findings, long confirmed,
                       @JsonProperty("failed_requirements") List<String> failedRequirements, String report,
                       String data) {
        static Exploration of(ExplorationSection e) {
            return new Exploration(e.scope(), e.settings().depth(), e.settings().budget(), e.settings().clients(),
                    e.sequencesRun(), e.requests(), e.took().toMillis(), e.findings().size(), e.confirmed(),
                    e.failedRequirements(), ExploreFiles.MARKDOWN, ExploreFiles.JSON);
        }
    }

    record Requirement(String id, String level, String title, String text, String source, String verdict,
                       boolean warning, boolean blocking, String reason,
                       @JsonProperty("reason_class") String reasonClass,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String comparison,
                       @JsonProperty("duration_ms") long durationMs, List<Scenario> scenarios) {
    }

    /** The conformance index and score ({@link ConformanceIndex}), fractions from 0 to 1. */
    record Conformance(double index, double score, int musts, int judged, int passed,
                       @JsonProperty("min_index") double minIndex) {
        static Conformance of(RunSummary s) {
            ConformanceIndex c = ConformanceIndex.of(s);
            return new Conformance(round(c.index()), round(c.score()), c.musts(), c.judged(), c.passed(),
                    s.gate().minIndex());
        }

        private static double round(double fraction) {
            return Math.round(fraction * 10_000) / 10_000.0;
        }
    }

    /** The comparison with the baseline: the gate it was read under, the ids per mark, the notes, the warnings. */
    record BaselineJson(String source, String gate, @JsonProperty("new") List<String> added, List<String> known,
                        List<String> fixed, Map<String, String> notes, List<String> warnings) {
        static BaselineJson of(BaselineView b, Gate gate) {
            return new BaselineJson(b.source(), gate.newOnly() ? "new" : "all", b.ids(BaselineView.Mark.NEW),
                    b.ids(BaselineView.Mark.KNOWN), b.ids(BaselineView.Mark.FIXED), b.notes(), b.warnings());
        }
    }

    record Scenario(String name, String verdict, String reason, @JsonProperty("reason_class") String reasonClass,
                    @JsonProperty("duration_ms") long durationMs,
                    String provenance, List<String> exchanges, String reproduce,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Repro reproduction) {
    }

    /** A failed scenario's reproduction: its script in the bundle (if any) and what became of its fixtures. */
    record Repro(@JsonInclude(JsonInclude.Include.NON_NULL) String file, String fixtures,
                 @JsonProperty("kept_sessions") List<String> keptSessions) {
        static Repro of(ScenarioOutcome s, String file) {
            return s.reproduction().present() ? new Repro(file, s.reproduction().fixtures().wireName(),
                    s.reproduction().keptSessions()) : null;
        }
    }

    /** @param status {@code ran}, {@code skipped} ({@code discovery: false}) or {@code not run} (stopped before) */
    record Discovery(String status, List<Finding> findings, List<String> errors, List<String> hints,
                     List<String> discovered) {
        static Discovery of(Optional<DiscoveryReport> report) {
            return report.map(d -> new Discovery(d.ran() ? "ran" : "skipped", d.findings(), d.errors(), d.hints(),
                    d.discovered())).orElse(new Discovery("not run", List.of(), List.of(), List.of(), List.of()));
        }
    }

    /** Channel latency in milliseconds (fractional: the embedded target answers in well under 1 ms). */
    record Latency(int samples, @JsonProperty("p50_ms") double p50, @JsonProperty("p95_ms") double p95,
                   @JsonProperty("max_ms") double max, Map<String, Integer> verdicts) {
    }

    record Race(String race, int rounds, Map<String, Integer> interleavings, List<ScenarioRace> scenarios) {
    }

    record ScenarioRace(String requirement, String scenario, Map<String, Integer> interleavings) {
    }
}
