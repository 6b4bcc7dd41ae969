package org.sessionthreads.conformance.selftest.mutation;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the suite said about one {@link Mutant}.
 *
 * @param failed    requirement ids whose scenarios did not pass
 * @param started   scenarios (invocations) started; 0 means nothing ran
 * @param succeeded scenarios that passed
 * @param problems  one line per scenario that did not pass, with its message
 * @param scope     which scenarios ran: a fault's declared ones, or the whole suite
 */
record MutantResult(Mutant mutant, Set<String> failed, long started, long succeeded, Duration wallTime,
                    String problems, Scope scope) {

    /** Which scenarios the run that gave this result ran. */
    enum Scope {
        /** The scenarios of the fault's declared requirements and the end-of-run audit. */
        DECLARED,
        /** Every scenario (conformant servers, variations, and faults the declared scenarios did not kill). */
        WHOLE_SUITE
    }

    /** A whole-suite result (as every conformant run is). */
    MutantResult(Mutant mutant, Set<String> failed, long started, long succeeded, Duration wallTime,
                 String problems) {
        this(mutant, failed, started, succeeded, wallTime, problems, Scope.WHOLE_SUITE);
    }

    /**
     * A fault is killed when the suite fails every requirement the fault declares. Some scenario must still pass:
     * a run in which nothing passes means the server never came up, which proves nothing about the suite.
     */
    boolean killed() {
        return succeeded > 0 && !mutant.breaks().isEmpty() && failed.containsAll(mutant.breaks());
    }

    /** The whole suite passed: no requirement failed (a fault that gets this is undetected by any scenario). */
    boolean suitePassed() {
        return failed.isEmpty() && started > 0 && succeeded == started;
    }

    /** Why this result breaks the self-test, or empty when it is as expected. */
    Optional<String> problem() {
        if (mutant.mustPass()) {
            return suitePassed() ? Optional.empty()
                    : Optional.of("false alarm: " + failed + " failed against a conformant server\n" + problems);
        }
        if (killed() && mutant.knownSurvivor().isPresent()) {
            return Optional.of("is killed now: remove its known-survivor marker in Fault");
        }
        if (!killed() && mutant.knownSurvivor().isEmpty()) {
            return Optional.of("survived: the suite did not fail " + mutant.breaks() + " (failed: " + failed + ")\n"
                    + problems);
        }
        return Optional.empty();
    }
}
