package org.sessionthreads.conformance.junit;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.UriSource;

import org.sessionthreads.conformance.audit.AuditReport;
import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.outcome.UntestableInCertify;
import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.report.AllureScenarioReport;
import org.sessionthreads.conformance.waiver.Waivers;

/**
 * The audit's findings as dynamic tests, one per {@link Invariant}, so that Failsafe's XML and the exit code
 * reflect them. Each test's source is the URI {@code requirement:<ID>}, which is how the summary and the
 * self-tests learn which requirement it checks. A violation is judged like a scenario's failed assertion (FAIL
 * naming the requirement, WAIVED, or a SHOULD warning); an audit that could not read what it needs is an ERROR;
 * an audit that had no thread to read (no scenario obtained a fixture) judged nothing, so each check is UNTESTABLE,
 * never a PASS (in certify mode a failure, like an UNTESTABLE scenario).
 */
public final class AuditChecks {
    private static final String SCHEME = "requirement";
    private final AuditReport report;
    private final RequirementCatalogue catalogue;
    private final Waivers waivers;
    private final TargetProfile profile;

    AuditChecks(AuditReport report, RequirementCatalogue catalogue, Waivers waivers, TargetProfile profile) {
        this.report = report;
        this.catalogue = catalogue;
        this.waivers = waivers;
        this.profile = profile;
    }

    /** The requirement a test checks, when its source says so ({@code requirement:<ID>}). */
    public static Optional<String> requirementOf(TestSource source) {
        return Optional.ofNullable(source).filter(UriSource.class::isInstance).map(s -> ((UriSource) s).getUri())
                .filter(uri -> SCHEME.equals(uri.getScheme())).map(URI::getSchemeSpecificPart);
    }

    public Stream<DynamicTest> tests() {
        // why: an invariant of a requirement the dialect does not document is not checked at all, so the
        // requirement stays DISABLED (its scenarios are) instead of passing on the audit alone
        String dialect = profile.readings().dialect().wireName();
        return Arrays.stream(Invariant.values())
                .filter(invariant -> catalogue.find(invariant.requirement())
                        .flatMap(entry -> entry.disabledIn(dialect)).isEmpty())
                .map(invariant -> DynamicTest.dynamicTest(
                invariant.requirement() + " audit: " + invariant.description(),
                URI.create(SCHEME + ":" + invariant.requirement()), () -> check(invariant)));
    }

    private void check(Invariant invariant) throws Throwable {
        // why: the report lists an audit check under its requirement, like the scenarios
        catalogue.find(invariant.requirement()).ifPresent(AllureScenarioReport::describe);
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("the end-of-run audit could not read the run's sessions: "
                    + String.join("; ", report.problems()));
        }
        if (report.judgedNothing()) {
            Untestable nothing = new Untestable("UNTESTABLE: nothing to judge: the run's scenarios left the"
                    + " end-of-run audit no thread to read (" + report.scope() + ")");
            throw profile.certify() ? new UntestableInCertify(nothing) : nothing;
        }
        List<String> violations = report.violationsOf(invariant);
        if (violations.isEmpty()) {
            return;
        }
        CatalogueEntry entry = catalogue.find(invariant.requirement()).orElseThrow(() -> new IllegalStateException(
                invariant + " names " + invariant.requirement() + ", which is not in the catalogue"));
        String name = invariant.requirement() + " audit: " + invariant.description();
        AssertionError failure = new AssertionError("Expecting across the run that " + invariant.description()
                + " but " + violations.size() + " violation(s):\n  " + String.join("\n  ", violations)
                + "\n  (audit: " + report.scope() + ")");
        throw VerdictExtension.judged(entry, waivers.find(entry.id(), name), profile, failure);
    }
}
