package org.sessionthreads.conformance.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.sessionthreads.conformance.explore.ExplorationReport;

/**
 * Runs exploration once, when the factory asks for {@link ExplorationChecks} and the profile turns it on
 * ({@code explore.enabled}); records its report for the bundle (explore.md, explore.json).
 */
final class ExplorationExtension implements BeforeAllCallback, ParameterResolver, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        ConformanceExtension.startRecorded(context); // why: explore runs this class alone; the bundle needs the run's start
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ExplorationChecks.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ConformanceRun run = ConformanceExtension.run(context);
        if (!run.profile().explore().enabled()) {
            return ExplorationChecks.off();
        }
        ExplorationReport report = run.explore();
        if (run.profile().console().verbose()) {
            System.out.println("[conformance] exploration: " + report.scope());
        }
        RunRecord.of(context).explored(report);
        ExplorationChecks.entry(report).forEach((key, value) -> ReportEntries.publish(context, key, value));
        return new ExplorationChecks(report, run.catalogue(), run.waivers(), run.profile());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ConformanceExtension.recordClassFinished(context, ConformanceExtension.run(context));
    }
}
