package org.sessionthreads.conformance.junit;

import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.Reproduction;

import org.sessionthreads.conformance.events.EventTimings;

/**
 * What one scenario invocation recorded besides its JUnit result ({@link ScenarioRecording}).
 *
 * @param requirement   the requirement its method names
 * @param exchanges     request ids of its HTTP exchanges, in order
 * @param tokenAnswers  answers to requests sent with the profile's own token
 * @param tokenRefused  of those, the answers 401
 * @param provenance    where its fixtures came from; empty without fixtures
 * @param reproduction  the exchange its failure is about and what became of its fixtures; {@link Reproduction#NONE}
 *                      when it did not fail or made no request
 * @param samples       its terminated-event timings
 * @param interleavings race → outcome → rounds it observed
 * @param evidence      when it did not pass: its exchanges (redacted, in order), for the reports that show them;
 *                      empty otherwise
 */
record ScenarioRecord(String requirement, List<String> exchanges, long tokenAnswers, long tokenRefused,
                      String provenance, Reproduction reproduction, List<EventTimings.Sample> samples,
                      Map<String, Map<String, Integer>> interleavings, List<Exchange> evidence) {
    ScenarioRecord {
        exchanges = List.copyOf(exchanges);
        evidence = List.copyOf(evidence);
        samples = List.copyOf(samples);
        interleavings = Map.copyOf(interleavings);
    }
}
