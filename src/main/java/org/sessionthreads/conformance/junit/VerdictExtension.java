package org.sessionthreads.conformance.junit;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.sessionthreads.conformance.outcome.RequirementNotMet;
import org.sessionthreads.conformance.outcome.ShouldNotMet;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.outcome.UntestableInCertify;
import org.sessionthreads.conformance.outcome.Waived;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.waiver.Waiver;

/**
 * Maps what a scenario observed onto the suite's verdicts, expressed as JUnit results so that Failsafe's XML and
 * exit code stay truthful:
 * <ul>
 *   <li>a broken requirement fails the test, with the requirement id leading the message (FAIL);</li>
 *   <li>a broken SHOULD requirement on a non-strict profile aborts it with "SHOULD not met" (a warning), unless
 *       the profile lists it in {@code gate_should}: then it fails like a MUST;</li>
 *   <li>a broken requirement covered by a waiver aborts it with "WAIVED" (does not fail the gate);</li>
 *   <li>an expired waiver fails the test before it runs; a waiver whose scenario passes fails it as stale;</li>
 *   <li>in certify mode, a scenario without its fixture (UNTESTABLE) fails instead of being skipped.</li>
 * </ul>
 * Exceptions other than AssertionError (ERROR) and aborts (UNTESTABLE) pass through unchanged.
 */
final class VerdictExtension implements BeforeEachCallback, TestExecutionExceptionHandler, AfterTestExecutionCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        waiver(context).filter(w -> w.isExpiredOn(LocalDate.now())).ifPresent(w -> {
            throw new AssertionError("waiver expired: " + w.describe() + "; fix the gap or renew the waiver");
        });
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof Untestable untestable && ConformanceExtension.run(context).profile().certify()) {
            throw new UntestableInCertify(untestable);
        }
        if (!(throwable instanceof AssertionError)) {
            throw throwable;
        }
        throw judged(ConformanceExtension.requirement(context), waiver(context),
                ConformanceExtension.run(context).profile(), (AssertionError) throwable);
    }

    /**
     * What a broken requirement becomes: WAIVED (an abort) under a waiver, a SHOULD warning (an abort) on a
     * non-strict profile, else a failure whose message starts with the requirement id. Shared with the audit's
     * dynamic tests, which no extension sees.
     */
    static Throwable judged(CatalogueEntry entry, Optional<Waiver> waiver, TargetProfile profile,
                            AssertionError failure) {
        if (waiver.isPresent()) {
            return new Waived("WAIVED " + waiver.get().describe() + ": " + failure.getMessage());
        }
        if (entry.level() == Level.SHOULD && !profile.gatesOnShould(entry.id())) {
            return new ShouldNotMet("SHOULD not met (" + entry.id() + "): " + failure.getMessage());
        }
        String gated = entry.level() == Level.SHOULD && !profile.strictShould()
                ? ", gating on profile " + profile.name() + " (gate_should)" : "";
        // why: every report and console summary then names the requirement, whatever the reporter shows
        return new RequirementNotMet(entry.id() + " (" + entry.level() + gated + ") not met: "
                + failure.getMessage(), failure);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            waiver(context).ifPresent(w -> {
                throw new AssertionError("stale waiver: " + w.describe() + " but the scenario passes; "
                        + "remove the waiver");
            });
        }
    }

    private static Optional<Waiver> waiver(ExtensionContext context) {
        CatalogueEntry entry = ConformanceExtension.requirement(context);
        return ConformanceExtension.run(context).waivers().find(entry.id(), context.getDisplayName());
    }
}
