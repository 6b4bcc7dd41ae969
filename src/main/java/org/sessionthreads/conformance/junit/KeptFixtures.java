package org.sessionthreads.conformance.junit;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.report.repro.Reproduction;

/**
 * What becomes of a finished scenario's fixtures: a scenario that failed (FAIL or ERROR, a SHOULD warning
 * included; not UNTESTABLE, WAIVED or DISABLED) keeps the fixtures it created when the profile says
 * {@code keep_failed_fixtures: true}; otherwise they are released at the end of the run, as always.
 *
 * @param fate what became of them
 * @param kept the sessions kept, when {@code fate} is {@link Reproduction.Fixtures#KEPT}
 */
record KeptFixtures(Reproduction.Fixtures fate, List<String> kept) {
    static final KeptFixtures NONE = new KeptFixtures(Reproduction.Fixtures.NONE, List.of());

    /** Decides, and tells {@code fixtures} to keep what it created when it must. */
    static KeptFixtures of(Fixtures fixtures, Optional<Throwable> failure, String requirement) {
        if (fixtures == null || fixtures.createdSessionIds().isEmpty()) {
            return NONE;
        }
        if (failure.isPresent() && ScenarioJudgements.failed(failure.get())) {
            List<String> kept = fixtures.keepForReproduction("kept to reproduce " + requirement);
            if (!kept.isEmpty()) {
                return new KeptFixtures(Reproduction.Fixtures.KEPT, kept);
            }
        }
        return new KeptFixtures(Reproduction.Fixtures.RELEASED, List.of());
    }
}
