package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.report.AllureScenarioReport;
import org.sessionthreads.conformance.report.har.ExchangeArchive;

/**
 * Wires scenarios to the run: starts (once per engine execution) the {@link ConformanceRun}, checks each scenario's
 * {@link Requirement} and injects the facades. Verdicts are {@link VerdictExtension}'s business, records
 * {@link ScenarioRecording}'s.
 */
final class ConformanceExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ConformanceExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        startRecorded(context);
    }

    /**
     * The run, started on the first call, and its start recorded (profile, target, settings, discovery) or why it
     * could not start; every class that talks to the target calls it before its first test.
     */
    static void startRecorded(ExtensionContext context) {
        ConformanceRun run;
        try {
            run = run(context);
        } catch (TargetUnavailableException e) {
            RunRecord.of(context).couldNotStart(e.getMessage() == null || e.getMessage().isBlank()
                    ? e.getClass().getSimpleName() : e.getMessage(), e.discovery());
            throw e;
        }
        RunRecord.of(context).started(new RunRecord.Started(run.profile().describe(), run.target().description(),
                run.target().apiBase().toString(), RunRecord.Started.settingsOf(run.profile().effective()),
                run.environment()), run.discovery());
    }

    /** After each class (its fixtures are released by then): the run's fixtures, requests and findings so far. */
    @Override
    public void afterAll(ExtensionContext context) {
        recordClassFinished(context, run(context));
    }

    /** The run's fixture line, request counts and findings about the target so far, into the run's record. */
    static void recordClassFinished(ExtensionContext context, ConformanceRun run) {
        RunRecord.of(context).classFinished(run.fixtureSummary(), run.requestCounts().snapshot(),
                run.targetFindings());
    }

    /**
     * Once the target has stopped answering, every scenario that has not begun is an ERROR at once, with the one
     * line of why ({@link org.sessionthreads.conformance.client.TargetStoppedAnsweringException}).
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        AllureScenarioReport.describe(requirement(context));
        run(context).health().check();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (EventChannelInvocations.isChannelBound(type, context)) {
            return false; // why: an @EventChannelTest invocation resolves them for its own channel
        }
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
            // one per scenario (polling), closed by the store after the test like the fixtures
            return context.getStore(NAMESPACE).computeIfAbsent(ScenarioRecording.EVENTS_STORE_KEY,
                    k -> run.events().on(EventChannel.POLLING, new EventTimings()), SessionEvents.class);
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

    static CatalogueEntry requirement(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Requirement requirement = method.getAnnotation(Requirement.class);
        if (requirement == null) {
            throw new IllegalStateException(method + " has no @Requirement: every scenario checks one requirement");
        }
        return run(context).catalogue().find(requirement.value()).orElseThrow(() -> new IllegalStateException(
                method.getName() + " names requirement " + requirement.value() + ", which is not in the catalogue"));
    }

    /** The run of this engine execution; a start that failed fails every scenario with the same one line. */
    static ConformanceRun run(ExtensionContext context) {
        StartAttempt attempt = context.getRoot().getStore(NAMESPACE).computeIfAbsent("run",
                k -> StartAttempt.of(() -> start(context), RunRecord.of(context)), StartAttempt.class);
        return attempt.get();
    }

    /** Starts the run; its exchanges go to the scenario's Allure report and record and to the run's archive. */
    private static ConformanceRun start(ExtensionContext context) {
        ExchangeArchive archive = RunRecord.of(context).exchanges();
        ConformanceRun run = ConformanceRun.start(context::getConfigurationParameter, new ExchangeListener() {
            @Override
            public void onExchange(Exchange exchange) {
                AllureScenarioReport.attach(exchange);
                ScenarioRecording.record(exchange);
                archive.record(exchange);
            }

            @Override
            public void onStreamMessage(String requestId, String event, String id, String data, long nanos) {
                archive.streamMessage(requestId, event, id, data, nanos);
            }
        });
        archive.phase(ExchangeArchive.Phase.SCENARIOS);
        return run;
    }

    /**
     * Remembers the started run, or the reason it could not start, so a failed start is not retried per class. At
     * its close (the end of the engine's execution, before the summary is assembled) the run releases what it still
     * holds, and the run's fixture line in {@code record} becomes the final one: released, kept, left over.
     */
    private record StartAttempt(ConformanceRun run, RuntimeException failure, RunRecord record)
            implements AutoCloseable {
        static StartAttempt of(java.util.function.Supplier<ConformanceRun> start, RunRecord record) {
            try {
                ConformanceRun run = start.get();
                RunHeader.lines(run.describe().get("target"), run.profile(), run.discovery())
                        .forEach(line -> System.out.println("[conformance] " + line));
                return new StartAttempt(run, null, record);
            } catch (RuntimeException e) {
                System.err.println("[conformance] cannot start the run: " + e.getMessage());
                return new StartAttempt(null, e instanceof TargetUnavailableException unavailable ? unavailable
                        : new TargetUnavailableException(e.getMessage()), record);
            }
        }

        ConformanceRun get() {
            return Optional.ofNullable(run).orElseThrow(() -> failure);
        }

        @Override
        public void close() {
            if (run != null) {
                record.exchanges().phase(ExchangeArchive.Phase.FIXTURES);
                run.close();
                // why: closing releases what the run still holds; those requests count like every other
                record.classFinished(record.fixtures(), run.requestCounts().snapshot(), List.of());
                record.fixturesSettled(run.fixtureSummary());
            }
        }
    }
}
