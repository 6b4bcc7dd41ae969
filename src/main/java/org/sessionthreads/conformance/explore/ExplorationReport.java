package org.sessionthreads.conformance.explore;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * What an exploration did and found: per fixture kind how many sequences ran, failed, judged nothing or were left
 * over by the budget; the findings (confirmed or not); the requests and time it took; and notes (parts that judged
 * nothing, views that could not be read).
 */
public record ExplorationReport(int depth, Map<FixtureKind, KindTally> kinds, List<Finding> findings, int requests,
                                Duration took, List<String> notes) {
    public ExplorationReport {
        kinds = Map.copyOf(kinds);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /**
     * @param sequences  sequences enumerated
     * @param run        sequences run and judged
     * @param failed     of those, sequences that broke a rule
     * @param untestable sequences that judged nothing (no fixture of the kind, no answer)
     * @param overBudget sequences not run because the request budget was spent
     */
    public record KindTally(int sequences, int run, int failed, int untestable, int overBudget, String reason) {
    }

    /**
     * This report with every finding's texts (what the model allowed, what the target did) passed through
     * {@code redact}: they quote the target's answers, which may echo what the run sent (the run's redactor
     * hides the token there as everywhere else).
     */
    public ExplorationReport redacted(java.util.function.UnaryOperator<String> redact) {
        return new ExplorationReport(depth, kinds, findings.stream().map(f -> new Finding(f.requirementId(), f.rule(),
                f.kind(), f.steps(), redact.apply(f.allowed()), redact.apply(f.observed()), f.confirmed(),
                f.sequences(), f.evidence(), f.replay())).toList(), requests, took, notes);
    }

    /** Confirmed findings of {@code requirementId}: what fails the requirement in the run. */
    public List<Finding> confirmed(String requirementId) {
        return findings.stream().filter(f -> f.confirmed() && f.requirementId().equals(requirementId)).toList();
    }

    /** True when no sequence was judged: exploration is then UNTESTABLE, never a pass. */
    public boolean judgedNothing() {
        return kinds.values().stream().mapToInt(KindTally::run).sum() == 0;
    }

    public int sequencesRun() {
        return kinds.values().stream().mapToInt(KindTally::run).sum();
    }

    /** One line: sequences, depth, requests, time. */
    public String scope() {
        int enumerated = kinds.values().stream().mapToInt(KindTally::sequences).sum();
        int over = kinds.values().stream().mapToInt(KindTally::overBudget).sum();
        return sequencesRun() + " of " + enumerated + " sequences judged (depth " + depth + ", "
                + kinds.size() + " fixture kinds" + (over > 0 ? ", " + over + " left over by the budget" : "") + "), "
                + findings.stream().filter(Finding::confirmed).count() + " confirmed findings, " + requests
                + " requests, " + took.toMillis() + " ms";
    }
}
