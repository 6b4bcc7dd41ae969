package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.discovery.DiscoveryReport;

/** Builds the {@link RunSummary.Facts} a test needs, one part at a time (the rest empty). */
final class TestFacts {
    private String fixtures = "";
    private List<RunSummary.Setting> settings = List.of();
    private Optional<DiscoveryReport> discovery = Optional.empty();
    private Optional<RunSummary.AuditSection> audit = Optional.empty();
    private Map<String, Long> requests = Map.of();
    private Measurements measured = Measurements.none();

    TestFacts fixtures(String line) {
        fixtures = line;
        return this;
    }

    TestFacts settings(List<RunSummary.Setting> effective) {
        settings = effective;
        return this;
    }

    TestFacts discovery(DiscoveryReport report) {
        discovery = Optional.of(report);
        return this;
    }

    TestFacts audit(RunSummary.AuditSection section) {
        audit = Optional.of(section);
        return this;
    }

    TestFacts requests(Map<String, Long> sent) {
        requests = sent;
        return this;
    }

    TestFacts measured(Measurements measurements) {
        measured = measurements;
        return this;
    }

    RunSummary.Facts build() {
        return new RunSummary.Facts(fixtures, settings, discovery, audit, requests, measured);
    }

    /** {@code summary} with these facts, its fixture line kept unless set here. */
    RunSummary on(RunSummary summary) {
        if (fixtures.isEmpty()) {
            fixtures = summary.facts().fixtures();
        }
        return summary.withFacts(build());
    }
}
