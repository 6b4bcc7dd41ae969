package org.sessionthreads.conformance.report;

import java.time.Duration;
import java.util.List;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.ReplayPlan;

/**
 * The run's exploration as the bundle shows it (explore.md, explore.json, a short section of the summaries): its
 * settings, what it ran per fixture kind, its findings with their evidence, and its notes. Filled by the run from
 * the engine's report; the formats read nothing else of it.
 *
 * @param scope    the engine's one line (sequences judged, depth, findings, requests, time)
 * @param kinds    per fixture kind the sequence counts, in the engine's order
 * @param requests requests the exploration sent
 * @param notes    parts that judged nothing, views that could not be read
 */
public record ExplorationSection(Settings settings, String scope, List<Kind> kinds, List<Found> findings,
                                 int requests, Duration took, List<String> notes) {
    public ExplorationSection {
        kinds = List.copyOf(kinds);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** {@code explore.depth}, {@code explore.budget}, {@code explore.clients} as the run used them. */
    public record Settings(int depth, int budget, int clients) {
    }

    /**
     * @param kind       the fixture kind's wire name
     * @param sequences  sequences enumerated from it
     * @param run        sequences run and judged
     * @param failed     of those, sequences that broke a rule
     * @param untestable sequences that judged nothing
     * @param overBudget sequences left over by the request budget (not run, never passed)
     * @param reason     why sequences judged nothing (empty when all were judged)
     */
    public record Kind(String kind, int sequences, int run, int failed, int untestable, int overBudget,
                       String reason) {
    }

    /**
     * A rule the target broke, shrunk and replayed: only a confirmed one fails its requirement.
     *
     * @param steps     the minimal sequence, in words
     * @param sequences how many enumerated sequences broke the rule
     * @param evidence  the exchanges of the confirming replay, redacted like every exchange of the run
     * @param replay    what its reproduction ({@code repro/<n>-<ID>.sh}) sends
     */
    public record Found(String requirement, String rule, String kind, List<String> steps, String allowed,
                        String observed, boolean confirmed, int sequences, List<Exchange> evidence,
                        ReplayPlan replay) {
        public Found {
            steps = List.copyOf(steps);
            evidence = List.copyOf(evidence);
        }
    }

    public int sequences() {
        return kinds.stream().mapToInt(Kind::sequences).sum();
    }

    public int sequencesRun() {
        return kinds.stream().mapToInt(Kind::run).sum();
    }

    public int overBudget() {
        return kinds.stream().mapToInt(Kind::overBudget).sum();
    }

    public long confirmed() {
        return findings.stream().filter(Found::confirmed).count();
    }

    /** The requirements its confirmed findings fail, sorted, each once. */
    public List<String> failedRequirements() {
        return findings.stream().filter(Found::confirmed).map(Found::requirement).distinct().sorted().toList();
    }
}
