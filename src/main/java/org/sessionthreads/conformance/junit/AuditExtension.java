package org.sessionthreads.conformance.junit;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.sessionthreads.conformance.audit.AuditReport;
import org.sessionthreads.conformance.report.har.ExchangeArchive;

/**
 * Runs the audit once (lazily, when the factory asks for {@link AuditChecks}) and, after the class, releases the
 * run's fixtures and records the fixture line and the audit's scope for the summary.
 */
final class AuditExtension implements BeforeAllCallback, ParameterResolver, AfterAllCallback {
    /**
     * A run that could not start fails this class before its factory, like every scenario class (the summary names
     * the start failure once).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        ConformanceExtension.run(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AuditChecks.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ConformanceRun run = ConformanceExtension.run(context);
        RunRecord.of(context).exchanges().phase(ExchangeArchive.Phase.AUDIT);
        AuditReport report = run.audit();
        if (run.profile().console().verbose()) {
            System.out.println("[conformance] end-of-run audit: " + report.scope() + ", " + report.took().toMillis()
                    + " ms");
        }
        context.getParent().orElseThrow().getStore(ConformanceExtension.NAMESPACE).put("audit", report);
        return new AuditChecks(report, run.catalogue(), run.waivers(), run.profile());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ConformanceRun run = ConformanceExtension.run(context);
        RunRecord.of(context).exchanges().phase(ExchangeArchive.Phase.FIXTURES);
        List<String> failures = run.releaseFixtures();
        failures.forEach(failure -> System.err.println("[conformance] could not release " + failure));
        AuditReport report = context.getStore(ConformanceExtension.NAMESPACE).get("audit", AuditReport.class);
        if (report != null) {
            RunRecord.of(context).audited(report.scope() + ", " + report.took().toMillis() + " ms"
                    + (report.problems().isEmpty() ? "" : "; problems: " + String.join("; ", report.problems())));
        }
        ConformanceExtension.recordClassFinished(context, run);
    }
}
