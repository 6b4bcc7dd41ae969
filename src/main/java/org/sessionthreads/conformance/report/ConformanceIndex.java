package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.config.Dialect;

/**
 * How much of the dialect's MUSTs a run judged and how many it passed, so that a pass rate never hides how much was
 * tested. The MUSTs of the dialect are its catalogue's MUST requirements (at the dialect's level), less those the
 * dialect's docs do not promise ({@code disabled:} for it).
 *
 * <ul>
 *   <li>index = MUSTs judged ÷ MUSTs of the dialect; judged is PASS, FAIL or WAIVED (a verdict about the target).
 *       ERROR (harness or transport trouble), UNTESTABLE and DISABLED (also "not run", e.g. under {@code --only})
 *       judged nothing;</li>
 *   <li>score = MUSTs passed ÷ MUSTs of the dialect.</li>
 * </ul>
 *
 * @param musts  the dialect's MUST requirements
 * @param judged of those, the ones the run judged
 * @param passed of those, the ones that passed
 */
public record ConformanceIndex(int musts, int judged, int passed) {
    private static final Set<Verdict> JUDGED = Set.of(Verdict.PASS, Verdict.FAIL, Verdict.WAIVED);

    /** The index and score of {@code summary}, under the dialect its settings name. */
    public static ConformanceIndex of(RunSummary summary) {
        String dialect = dialectOf(summary);
        List<RunSummary.RequirementResult> musts = summary.requirements().stream()
                .filter(r -> r.entry().level() == Level.MUST && r.entry().disabledIn(dialect).isEmpty()).toList();
        return new ConformanceIndex(musts.size(), (int) musts.stream().filter(r -> JUDGED.contains(r.verdict()))
                .count(), (int) musts.stream().filter(r -> r.verdict() == Verdict.PASS).count());
    }

    /** The dialect (wire name) the run's settings name; the default dialect's for a run without settings. */
    public static String dialectOf(RunSummary summary) {
        return summary.facts().settings().stream().filter(s -> s.key().equals("dialect"))
                .map(RunSummary.Setting::value).findFirst().orElse(Dialect.DEFAULT.wireName());
    }

    /** MUSTs judged ÷ MUSTs of the dialect, 0 to 1 (1 when the dialect has no MUST). */
    public double index() {
        return musts == 0 ? 1 : (double) judged / musts;
    }

    /** MUSTs passed ÷ MUSTs of the dialect, 0 to 1 (1 when the dialect has no MUST). */
    public double score() {
        return musts == 0 ? 1 : (double) passed / musts;
    }

    /** A fraction as a whole percentage, rounded down so that 99.6 % never shows as 100 %. */
    public static String percent(double fraction) {
        return (int) Math.floor(fraction * 100 + 1e-9) + "%";
    }

    /** {@code index 93% (27/29 MUSTs judged), score 86% (25/29 passed)}. */
    public String describe() {
        return "index " + percent(index()) + " (" + judged + "/" + musts + " MUSTs judged), score "
                + percent(score()) + " (" + passed + "/" + musts + " passed)";
    }
}
