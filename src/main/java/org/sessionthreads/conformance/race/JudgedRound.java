package org.sessionthreads.conformance.race;

import java.util.List;

import org.sessionthreads.conformance.client.ThreadRef;

/** A round's verdict: its outcome and every promise it broke (none: it kept the promise). */
public record JudgedRound(int number, ThreadRef thread, RoundOutcome outcome, List<RoundProblem> problems) {

    public JudgedRound {
        problems = List.copyOf(problems);
    }

    public boolean keptThePromise() {
        return problems.isEmpty();
    }

    public List<String> problemTexts() {
        return problems.stream().map(RoundProblem::text).toList();
    }
}
