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
    /** Answers to requests sent with the profile's own token ({@link Exchange#profileToken()}). */
    static final String TOKEN_ANSWERS = "conformance.token_answers";
    /** Of those, the answers 401: the target refused the token the suite expected it to accept. */
    static final String TOKEN_REFUSED = "conformance.token_refused";
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
            ReportEntries.publish(context, REQUIREMENT, requirement.value());
        }
        ReportEntries.publish(context, EXCHANGES, String.join(",",
                exchanges.stream().map(Exchange::requestId).toList()));
        List<Exchange> withToken = exchanges.stream().filter(e -> e.profileToken() && e.status() > 0).toList();
        ReportEntries.publish(context, TOKEN_ANSWERS, String.valueOf(withToken.size()));
        ReportEntries.publish(context, TOKEN_REFUSED, String.valueOf(withToken.stream()
                .filter(e -> e.status() == 401).count()));
        context.getExecutionException().flatMap(failure -> culprit(exchanges, String.valueOf(failure.getMessage())))
                .ifPresent(exchange -> ReportEntries.publish(context, REPRODUCE, exchange.curl()));
        publishMeasurements(context);
        Fixtures fixtures = context.getStore(ConformanceExtension.NAMESPACE).get("fixtures", Fixtures.class);
        if (fixtures != null && !fixtures.provenance().isEmpty()) {
            ReportEntries.publish(context, PROVENANCE, String.join("; ", fixtures.provenance()));
        }
    }

    /** The scenario's own event timings and race interleavings, when it measured any. */
    private static void publishMeasurements(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(ConformanceExtension.NAMESPACE);
        SessionEvents events = store.get(EVENTS_STORE_KEY, SessionEvents.class);
        if (events != null && !events.timings().samples().isEmpty()) {
            ReportEntries.publish(context, MeasurementsEntry.EVENT_TIMINGS,
                    MeasurementsEntry.encodeTimings(events.timings().samples()));
        }
        Interleavings interleavings = store.get(INTERLEAVINGS_STORE_KEY, Interleavings.class);
        if (interleavings != null && !interleavings.snapshot().isEmpty()) {
            ReportEntries.publish(context, MeasurementsEntry.INTERLEAVINGS,
                    MeasurementsEntry.encodeInterleavings(interleavings.snapshot()));
        }
    }
}
