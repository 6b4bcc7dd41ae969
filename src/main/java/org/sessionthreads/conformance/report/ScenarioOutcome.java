package org.sessionthreads.conformance.report;

import java.time.Duration;
import java.util.List;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.client.Exchange;

/**
 * What one scenario invocation produced.
 *
 * @param requirement catalogue id
 * @param name        display name of the invocation
 * @param verdict     its verdict
 * @param blocking    true when the invocation failed in JUnit's terms, which fails the gate (a SHOULD warning, a
 *                    waiver or an abort does not; UNTESTABLE in certify mode does)
 * @param reason      the failure, abort or skip message; empty for PASS
 * @param duration    how long it ran
 * @param provenance  where its fixtures came from
 * @param exchanges   request ids of the HTTP exchanges it made, in order
 * @param reproduction for a scenario that did not pass: the exchange its failure is about and what became of its
 *                    fixtures; {@link Reproduction#NONE} otherwise
 * @param reasonClass the simple name of the type the invocation ended with ({@code RequirementNotMet},
 *                    {@code ShouldNotMet}, {@code NoAnswerException}, {@code Untestable}, …); empty when it passed or
 *                    was skipped. Typed, so a baseline matches the same failure on another run without reading
 *                    messages.
 * @param evidence    for a scenario that did not pass: its exchanges (redacted, in order), which {@code summary.html}
 *                    shows; empty otherwise
 */
public record ScenarioOutcome(String requirement, String name, Verdict verdict, boolean blocking, String reason,
                              Duration duration, String provenance, List<String> exchanges,
                              Reproduction reproduction, String reasonClass, List<Exchange> evidence) {

    public ScenarioOutcome {
        evidence = List.copyOf(evidence);
    }

    /** An outcome without a recorded type and without exchanges to show (skipped, not run, or made by hand). */
    public ScenarioOutcome(String requirement, String name, Verdict verdict, boolean blocking, String reason,
                           Duration duration, String provenance, List<String> exchanges, Reproduction reproduction) {
        this(requirement, name, verdict, blocking, reason, duration, provenance, exchanges, reproduction, "",
                List.of());
    }

    /** The curl command repeating the exchange the failure is about, credential as {@code $CONFORMANCE_TOKEN}. */
    public String reproduce() {
        return reproduction.curl();
    }

    public Judgement judgement() {
        return new Judgement(verdict, blocking);
    }
}
