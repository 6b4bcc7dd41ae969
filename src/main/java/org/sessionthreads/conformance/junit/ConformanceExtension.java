package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.report.AllureScenarioReport;

/**
 * Wires scenarios to the run: starts (once per engine execution) the {@link ConformanceRun}, checks each scenario's
 * {@link Requirement}, injects the facades, and turns a failed SHOULD requirement into a warning (an aborted test
 * whose reason starts with "SHOULD not met") unless the profile is strict.
 */
final class ConformanceExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ConformanceExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        run(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AllureScenarioReport.describe(requirement(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ThreadsApi.class || type == SessionEvents.class || type == Fixtures.class
                || type == Readings.class || type == Timeouts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ConformanceRun run = run(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ThreadsApi.class) {
            return run.threads();
        } else if (type == SessionEvents.class) {
            return run.events();
        } else if (type == Fixtures.class) {
            // one per scenario; the store closes it after the test, which releases its fixtures
            return context.getStore(NAMESPACE).computeIfAbsent("fixtures", k -> run.newFixtures(), Fixtures.class);
        } else if (type == Readings.class) {
            return run.profile().readings();
        } else if (type == Timeouts.class) {
            return run.profile().timeouts();
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        CatalogueEntry entry = requirement(context);
        if (!(throwable instanceof AssertionError)) {
            throw throwable;
        }
        if (entry.level() == Level.SHOULD && !run(context).profile().strictShould()) {
            throw new TestAbortedException("SHOULD not met (" + entry.id() + "): " + throwable.getMessage());
        }
        // why: every report and console summary then names the requirement, whatever the reporter shows
        AssertionError named = new AssertionError(entry.id() + " (" + entry.level() + ") not met: "
                + throwable.getMessage(), throwable.getCause());
        named.setStackTrace(throwable.getStackTrace());
        throw named;
    }

    private CatalogueEntry requirement(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Requirement requirement = method.getAnnotation(Requirement.class);
        if (requirement == null) {
            throw new IllegalStateException(method + " has no @Requirement: every scenario checks one requirement");
        }
        return run(context).catalogue().find(requirement.value()).orElseThrow(() -> new IllegalStateException(
                method.getName() + " names requirement " + requirement.value() + ", which is not in the catalogue"));
    }

    /** The run of this engine execution; a start that failed fails every scenario with the same one line. */
    private static ConformanceRun run(ExtensionContext context) {
        StartAttempt attempt = context.getRoot().getStore(NAMESPACE).computeIfAbsent("run",
                k -> StartAttempt.of(() -> ConformanceRun.start(context::getConfigurationParameter,
                        AllureScenarioReport::attach)), StartAttempt.class);
        return attempt.get();
    }

    /** Remembers the started run, or the reason it could not start, so a failed start is not retried per class. */
    private record StartAttempt(ConformanceRun run, RuntimeException failure) implements AutoCloseable {
        static StartAttempt of(java.util.function.Supplier<ConformanceRun> start) {
            try {
                ConformanceRun run = start.get();
                System.out.println("[conformance] " + run.describe().get("profile"));
                System.out.println("[conformance] " + run.describe().get("target"));
                return new StartAttempt(run, null);
            } catch (RuntimeException e) {
                System.err.println("[conformance] cannot start the run: " + e.getMessage());
                return new StartAttempt(null, new TargetUnavailableException(e.getMessage()));
            }
        }

        ConformanceRun get() {
            return Optional.ofNullable(run).orElseThrow(() -> failure);
        }

        @Override
        public void close() {
            if (run != null) {
                run.close();
            }
        }
    }
}
