package org.sessionthreads.conformance.report;

import java.time.Duration;
import java.util.List;

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
 */
public record ScenarioOutcome(String requirement, String name, Verdict verdict, boolean blocking, String reason,
                              Duration duration, String provenance, List<String> exchanges,
                              Reproduction reproduction) {

    /** The curl command repeating the exchange the failure is about, credential as {@code $CONFORMANCE_TOKEN}. */
    public String reproduce() {
        return reproduction.curl();
    }

    public Judgement judgement() {
        return new Judgement(verdict, blocking);
    }
}
