package org.sessionthreads.conformance.report;

import java.util.Collection;

/**
 * A verdict together with whether it fails the gate, and the word every reader is shown for it. The verdict table
 * (a requirement: all its scenario invocations) and the runner's line per finished scenario (one scenario method:
 * its invocations) are built by the same {@link #of(Collection)}, so the two never tell different stories.
 *
 * @param verdict  the worst verdict of the invocations that were judged; DISABLED when none was
 * @param blocking true when an invocation fails the gate
 */
public record Judgement(Verdict verdict, boolean blocking) {

    /**
     * The invocations taken together. An invocation disabled for one channel or case does not make the others'
     * verdict vanish, so DISABLED counts only when every invocation is DISABLED (or there is none).
     */
    public static Judgement of(Collection<Judgement> invocations) {
        Verdict worst = null;
        for (Judgement invocation : invocations) {
            if (invocation.verdict() != Verdict.DISABLED) {
                worst = worst == null ? invocation.verdict() : worst.worse(invocation.verdict());
            }
        }
        return new Judgement(worst == null ? Verdict.DISABLED : worst,
                invocations.stream().anyMatch(Judgement::blocking));
    }

    /** A FAIL that does not gate: a SHOULD requirement not met on a non-strict profile. */
    public boolean warning() {
        return verdict == Verdict.FAIL && !blocking;
    }

    /** The word of the verdict table: {@code WARN} for a warning, else the verdict's name. */
    public String label() {
        return warning() ? "WARN" : verdict.name();
    }
}
