package org.sessionthreads.conformance.junit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.race.Interleavings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixtures;

/**
 * Collects what each scenario did (its exchanges, the fixtures it got) and publishes it as JUnit report entries,
 * which the summary ({@code report.RequirementLedger}) reads. Exchanges made from threads the scenario started
 * (e.g. simultaneous archives) are collected too: the recorder is inherited by child threads.
 */
final class ScenarioRecording implements BeforeEachCallback, AfterEachCallback {
    /** Report entry keys; {@code report.RequirementLedger} reads the same names. */
    static final String REQUIREMENT = "conformance.requirement";
    static final String EXCHANGES = "conformance.exchanges";
    static final String RESPONSES = "conformance.responses";
    static final String UNAUTHORIZED = "conformance.unauthorized";
    static final String PROVENANCE = "conformance.provenance";
    static final String REPRODUCE = "conformance.reproduce";
    /** Where a scenario's events facade and race interleavings live in its store ({@link ConformanceExtension#NAMESPACE}). */
    static final String EVENTS_STORE_KEY = "events";
    static final String INTERLEAVINGS_STORE_KEY = "interleavings";
    private static final InheritableThreadLocal<List<Exchange>> CURRENT = new InheritableThreadLocal<>();

    /** Adds an exchange to the running scenario's record (ignored outside a scenario, e.g. the start probe). */
    static void record(Exchange exchange) {
        List<Exchange> exchanges = CURRENT.get();
        if (exchanges != null) {
            exchanges.add(exchange);
        }
    }

    /**
     * The exchange a failure is about: the last one whose request id the failure message quotes (assertions quote
     * the exchange), else the last one made.
     */
    static Optional<Exchange> culprit(List<Exchange> exchanges, String failureMessage) {
        for (int i = exchanges.size() - 1; i >= 0; i--) {
            String requestId = exchanges.get(i).requestId();
            if (requestId != null && failureMessage.contains(requestId)) {
                return Optional.of(exchanges.get(i));
            }
        }
        return exchanges.isEmpty() ? Optional.empty() : Optional.of(exchanges.get(exchanges.size() - 1));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CURRENT.set(new CopyOnWriteArrayList<>());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Exchange> exchanges = CURRENT.get();
        CURRENT.remove();
        Requirement requirement = context.getRequiredTestMethod().getAnnotation(Requirement.class);
        if (requirement != null) {
            context.publishReportEntry(REQUIREMENT, requirement.value());
        }
        context.publishReportEntry(EXCHANGES, String.join(",", exchanges.stream().map(Exchange::requestId).toList()));
        context.publishReportEntry(RESPONSES, String.valueOf(exchanges.stream().filter(e -> e.status() > 0).count()));
        context.publishReportEntry(UNAUTHORIZED, String.valueOf(exchanges.stream().filter(e -> e.status() == 401)
                .count()));
        context.getExecutionException().flatMap(failure -> culprit(exchanges, String.valueOf(failure.getMessage())))
                .ifPresent(exchange -> context.publishReportEntry(REPRODUCE, exchange.curl()));
        publishMeasurements(context);
        Fixtures fixtures = context.getStore(ConformanceExtension.NAMESPACE).get("fixtures", Fixtures.class);
        if (fixtures != null && !fixtures.provenance().isEmpty()) {
            context.publishReportEntry(PROVENANCE, String.join("; ", fixtures.provenance()));
        }
    }

    /** The scenario's own event timings and race interleavings, when it measured any. */
    private static void publishMeasurements(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(ConformanceExtension.NAMESPACE);
        SessionEvents events = store.get(EVENTS_STORE_KEY, SessionEvents.class);
        if (events != null && !events.timings().samples().isEmpty()) {
            context.publishReportEntry(MeasurementsEntry.EVENT_TIMINGS,
                    MeasurementsEntry.encodeTimings(events.timings().samples()));
        }
        Interleavings interleavings = store.get(INTERLEAVINGS_STORE_KEY, Interleavings.class);
        if (interleavings != null && !interleavings.snapshot().isEmpty()) {
            context.publishReportEntry(MeasurementsEntry.INTERLEAVINGS,
                    MeasurementsEntry.encodeInterleavings(interleavings.snapshot()));
        }
    }
}
