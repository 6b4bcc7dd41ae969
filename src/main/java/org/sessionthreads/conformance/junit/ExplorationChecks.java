package org.sessionthreads.conformance.junit;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.UriSource;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.explore.ExplorationReport;
import org.sessionthreads.conformance.explore.Finding;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.outcome.UntestableInCertify;
import org.sessionthreads.conformance.report.AllureScenarioReport;
import org.sessionthreads.conformance.waiver.Waivers;

/**
 * Exploration's findings as dynamic tests, one per requirement the model's rules belong to, with the source URI
 * {@code explore:<ID>}: a confirmed finding fails its requirement like a scenario's failed assertion (FAIL, WAIVED,
 * or a SHOULD warning); an unconfirmed one is reported, never failed; an exploration that judged no sequence is
 * UNTESTABLE (in certify mode a failure), never a PASS. With exploration off there are no tests.
 */
public final class ExplorationChecks {
    /** The requirements the model's rules belong to (explore.model: AnswerRules, ViewRules, ArchiveModel). */
    public static final List<String> REQUIREMENTS = List.of("ARCH-001", "ARCH-002", "ARCH-003", "ARCH-004",
            "COORD-001", "COORD-002", "IDLE-001", "IDLE-002", "NF-001", "NF-002", "AUTH-001", "AUTH-002", "AUTH-003",
            "REA-001", "IDEM-001", "IDEM-002", "ISO-001", "LIST-001", "WIRE-001");
    private static final String SCHEME = "explore";
    private final ExplorationReport report;
    private final RequirementCatalogue catalogue;
    private final Waivers waivers;
    private final TargetProfile profile;

    ExplorationChecks(ExplorationReport report, RequirementCatalogue catalogue, Waivers waivers,
                      TargetProfile profile) {
        this.report = report;
        this.catalogue = catalogue;
        this.waivers = waivers;
        this.profile = profile;
    }

    static ExplorationChecks off() {
        return new ExplorationChecks(null, null, null, null);
    }

    /** The requirement an exploration test checks, when its source says so ({@code explore:<ID>}). */
    public static Optional<String> requirementOf(TestSource source) {
        return Optional.ofNullable(source).filter(UriSource.class::isInstance).map(s -> ((UriSource) s).getUri())
                .filter(uri -> SCHEME.equals(uri.getScheme())).map(URI::getSchemeSpecificPart);
    }

    /**
     * The exploration's figures as report entries (keys {@code explore.*}): requests, sequences judged, milliseconds,
     * and each finding as {@code requirement rule steps confirmed}, one per line, for tools that read the run.
     */
    public static java.util.Map<String, String> entry(ExplorationReport report) {
        return java.util.Map.of("explore.requests", String.valueOf(report.requests()),
                "explore.sequences", String.valueOf(report.sequencesRun()),
                "explore.millis", String.valueOf(report.took().toMillis()),
                "explore.findings", report.findings().stream().map(f -> f.requirementId() + " " + f.rule() + " "
                        + f.steps().size() + " " + f.confirmed()).collect(Collectors.joining("\n")));
    }

    public Stream<DynamicTest> tests() {
        if (report == null) {
            return Stream.empty();
        }
        String dialect = profile.readings().dialect().wireName();
        List<String> ids = Stream.concat(REQUIREMENTS.stream(), report.findings().stream()
                .map(Finding::requirementId)).distinct()
                .filter(id -> catalogue.find(id).flatMap(e -> e.disabledIn(dialect)).isEmpty())
                .filter(id -> catalogue.find(id).isPresent()).toList();
        return ids.stream().map(id -> DynamicTest.dynamicTest(id + " exploration",
                URI.create(SCHEME + ":" + id), () -> check(id)));
    }

    private void check(String id) throws Throwable {
        CatalogueEntry entry = catalogue.find(id).orElseThrow();
        AllureScenarioReport.describe(entry);
        if (report.judgedNothing()) {
            Untestable nothing = new Untestable("UNTESTABLE: exploration judged no sequence (" + report.scope()
                    + ")" + report.notes().stream().map(note -> "; " + note).collect(java.util.stream.Collectors
                    .joining()));
            throw profile.certify() ? new UntestableInCertify(nothing) : nothing;
        }
        List<Finding> confirmed = report.confirmed(id);
        if (confirmed.isEmpty()) {
            return;
        }
        AssertionError failure = new AssertionError("Expecting every explored sequence to keep " + id + " but "
                + confirmed.size() + " confirmed finding(s):\n  " + confirmed.stream().map(ExplorationChecks::line)
                .collect(Collectors.joining("\n  ")) + "\n  (exploration: " + report.scope() + ")");
        throw VerdictExtension.judged(entry, waivers.find(entry.id(), id + " exploration"), profile, failure);
    }

    private static String line(Finding f) {
        return f.rule() + " from " + f.kind().wireName() + ": " + String.join(", then ", f.steps()) + ": allowed "
                + f.allowed() + "; observed " + f.observed();
    }
}
