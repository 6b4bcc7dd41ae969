package org.sessionthreads.conformance.selftest.explore;

import java.util.List;
import java.util.Set;

/**
 * What exploration alone said about one target: the requirements it failed, its figures, and what that means for
 * the campaign (a kill: a confirmed finding on one of the fault's declared requirements; a false alarm: a failed
 * requirement on a target that must pass).
 */
record ExplorationOutcome(ExplorationTarget target, Set<String> notMet, ExploredRun explored, long millis) {
    boolean killed() {
        return target.fault().isPresent() && killing().stream().findAny().isPresent();
    }

    /** The confirmed findings on the fault's declared requirements. */
    List<ExploredRun.Found> killing() {
        List<String> declared = target.fault().map(f -> f.breaks()).orElse(List.of());
        return explored.confirmed().stream().filter(f -> declared.contains(f.requirementId())
                && notMet.contains(f.requirementId())).toList();
    }

    boolean falseAlarm() {
        return target.mustPass() && !notMet.isEmpty();
    }

    /** The longest minimal sequence among the killing findings (0 when none). */
    int longestKill() {
        return killing().stream().mapToInt(ExploredRun.Found::steps).max().orElse(0);
    }
}
