package org.sessionthreads.conformance.baseline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.Measurements;
import org.sessionthreads.conformance.report.ReportFormats;
import org.sessionthreads.conformance.report.RunReport;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.Verdict;

/** Run summaries and bundles made by hand: every requirement not named is "not run". */
final class HandMadeRuns {
    static final BuildInfo BUILD = new BuildInfo("1.0", "abc");
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final List<RunSummary.Setting> settings = new ArrayList<>(List.of(
            new RunSummary.Setting("dialect", "archive-page", "default")));
    private Measurements measured = Measurements.none();
    private Map<String, Long> requests = Map.of();

    HandMadeRuns pass(String id) {
        return scenario(id, "", Verdict.PASS, "");
    }

    /** A MUST not met; the message carries ids, a port and a duration that differ from run to run. */
    HandMadeRuns fail(String id) {
        return scenario(id, "", Verdict.FAIL, "RequirementNotMet");
    }

    HandMadeRuns scenario(String id, String invocation, Verdict verdict, String reasonClass) {
        boolean blocking = verdict == Verdict.FAIL || verdict == Verdict.ERROR;
        String reason = verdict == Verdict.PASS ? "" : id + " (MUST) not met: Expecting 200 but was 500 for"
                + " http://127.0.0.1:" + (40000 + outcomes.size()) + "/v1/sessions/sess_" + System.nanoTime()
                + "/threads/sthr_x/archive after " + outcomes.size() + " ms";
        outcomes.add(new ScenarioOutcome(id, id + " title" + (invocation.isEmpty() ? "" : " [" + invocation + "]"),
                verdict, blocking, reason, Duration.ofMillis(3), "", List.of("conformance-" + System.nanoTime()),
                Reproduction.NONE, reasonClass, List.of()));
        return this;
    }

    HandMadeRuns setting(String key, String value) {
        settings.removeIf(s -> s.key().equals(key));
        settings.add(new RunSummary.Setting(key, value, "test"));
        return this;
    }

    HandMadeRuns p95(String channel, long millis) {
        measured = new Measurements(List.of(new Measurements.ChannelLatency(channel, 20, Duration.ofMillis(1),
                Duration.ofMillis(millis), Duration.ofMillis(millis + 1), Map.of("ON_TIME", 20))), List.of());
        return this;
    }

    HandMadeRuns requests(Map<String, Long> sent) {
        requests = sent;
        return this;
    }

    RunSummary summary() {
        return RunSummary.of(RequirementCatalogue.load(), outcomes, new RunSummary.Run("profile 'p'", "target",
                "http://127.0.0.1:4711/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 0, 0,
                new RunSummary.Facts("", settings, Optional.empty(), Optional.empty(), requests, measured));
    }

    RunSnapshot snapshot() {
        return RunSnapshot.of(summary(), BUILD);
    }

    /** The bundle of this run, written into {@code dir}: its summary.json, all a baseline and compare read. */
    Path bundle(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            ReportFormats.all().stream().filter(f -> f.files().contains("summary.json")).findFirst().orElseThrow()
                    .write(RunReport.of(summary(), BUILD), dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }
}
