package org.sessionthreads.conformance.report;

import java.util.Optional;

/**
 * What the exit code gates on beyond the verdicts: the settings {@code gate} and {@code min_index}, and the run's
 * comparison with a baseline, if it was given one (docs/verdicts.md#baselines).
 *
 * @param newOnly  {@code gate: new}: a blocking requirement the baseline knows (KNOWN) does not fail the gate; it
 *                 stays in every report
 * @param minIndex the least conformance index (0 to 1) the run must reach ({@link ConformanceIndex})
 * @param baseline the comparison with the baseline; empty when the run had none
 */
public record Gate(boolean newOnly, double minIndex, Optional<BaselineView> baseline) {
    /** Every blocking requirement gates, no minimum index, no baseline. */
    public static final Gate ALL = new Gate(false, 0, Optional.empty());

    /** True when {@code requirement} blocks but does not gate: {@code gate: new} and the baseline knows its failure. */
    public boolean excuses(RunSummary.RequirementResult requirement) {
        return newOnly && baseline.flatMap(b -> b.mark(requirement.entry().id()))
                .filter(m -> m == BaselineView.Mark.KNOWN).isPresent();
    }
}
