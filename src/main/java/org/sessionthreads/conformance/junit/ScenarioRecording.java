package org.sessionthreads.conformance.junit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.race.Interleavings;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.report.repro.Reproduction;

/**
 * Collects what each scenario did (its exchanges, the fixtures it got, what it measured) into the run's
 * {@link RunRecord}, which the summary ({@link RequirementLedger}) reads. Exchanges made from threads the scenario
 * started (e.g. simultaneous archives) are collected too: the recorder is inherited by child threads. The fixtures'
 * provenance is also published as a JUnit report entry, for IDEs and JUnit's own reports.
 */
final class ScenarioRecording implements BeforeEachCallback, AfterEachCallback {
    /** The report entry with the scenario's fixture provenance. */
    static final String PROVENANCE = "conformance.provenance";
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
        ExtensionContext.Store store = context.getStore(ConformanceExtension.NAMESPACE);
        Fixtures fixtures = store.get("fixtures", Fixtures.class);
        String provenance = fixtures == null ? "" : String.join("; ", fixtures.provenance());
        SessionEvents events = store.get(EVENTS_STORE_KEY, SessionEvents.class);
        Interleavings interleavings = store.get(INTERLEAVINGS_STORE_KEY, Interleavings.class);
        String id = requirement == null ? null : requirement.value();
        RunRecord.of(context).scenario(context.getUniqueId(), recordOf(id, exchanges,
                context.getExecutionException(), KeptFixtures.of(fixtures, context.getExecutionException(), id),
                provenance, events == null ? List.of() : events.timings().samples(),
                interleavings == null ? java.util.Map.of() : interleavings.snapshot()));
        ReportEntries.publish(context, PROVENANCE, provenance);
    }

    /** The record of a scenario that kept no fixtures; see {@link #recordOf(String, List, Optional, KeptFixtures, String, List, java.util.Map)}. */
    static ScenarioRecord recordOf(String requirement, List<Exchange> exchanges, Optional<Throwable> failure,
                                   String provenance, List<EventTimings.Sample> samples,
                                   java.util.Map<String, java.util.Map<String, Integer>> interleavings) {
        return recordOf(requirement, exchanges, failure, KeptFixtures.NONE, provenance, samples, interleavings);
    }

    /**
     * The record of one scenario: {@code exchanges} it made, counted by answers to the profile's own token, and for
     * a {@code failure} the exchange it is about ({@link #culprit}) with what became of its fixtures.
     */
    static ScenarioRecord recordOf(String requirement, List<Exchange> exchanges, Optional<Throwable> failure,
                                   KeptFixtures fixtures, String provenance, List<EventTimings.Sample> samples,
                                   java.util.Map<String, java.util.Map<String, Integer>> interleavings) {
        List<Exchange> withToken = exchanges.stream().filter(e -> e.profileToken() && e.status() > 0).toList();
        Reproduction reproduction = failure.flatMap(f -> culprit(exchanges, String.valueOf(f.getMessage())))
                .map(e -> new Reproduction(e, fixtures.fate(), fixtures.kept())).orElse(Reproduction.NONE);
        return new ScenarioRecord(requirement, exchanges.stream().map(e -> String.valueOf(e.requestId())).toList(),
                withToken.size(), withToken.stream().filter(e -> e.status() == 401).count(), provenance,
                reproduction, samples, interleavings,
                failure.map(f -> FailureEvidence.of(exchanges, String.valueOf(f.getMessage()))).orElse(List.of()));
    }
}
