package org.sessionthreads.conformance.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.explore.model.ArchiveModel;
import org.sessionthreads.conformance.explore.model.Credential;
import org.sessionthreads.conformance.explore.model.Expectation;
import org.sessionthreads.conformance.explore.model.ModelState;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.explore.model.Target;
import org.sessionthreads.conformance.fixture.FixtureKind;

/**
 * Every sequence of up to {@code depth} steps from a fixture kind, in a fixed order, with two reductions that lose
 * nothing the views can see (docs/explore.md, "What is enumerated"):
 * <ul>
 *   <li>A step after which the model allows no change of state (every refusal, a re-archive, a wait on a settled
 *   fixture) ends its sequence: the views are read after every step, so a refusal that did change something is
 *   seen at once, and what follows it would repeat the prefix.</li>
 *   <li>Those ending steps are tried once per model state: a second prefix that reaches a state already reached
 *   continues only with the steps that change it. The wrong-credential variants are tried in full on the fresh
 *   fixture; elsewhere one wrong token stands for them (the 401 trigger, "PAT invalid or expired", holds whatever
 *   the thread's state).</li>
 * </ul>
 * Runs are the sequences that are no prefix of another run: each run's prefixes are judged on its way.
 */
public final class SequenceEnumerator {
    private final ArchiveModel model;

    public SequenceEnumerator(ArchiveModel model) {
        this.model = model;
    }

    /** The sequences to run from {@code kind}, in the order they are run and reported. */
    public List<List<Step>> sequences(FixtureKind kind, int depth) {
        List<List<Step>> runs = new ArrayList<>();
        Set<ModelState> visited = new HashSet<>();
        ModelState initial = model.initial(kind);
        walk(List.of(), initial, initial, depth, visited, runs);
        return runs;
    }

    private void walk(List<Step> prefix, ModelState state, ModelState initial, int depth, Set<ModelState> visited,
                      List<List<Step>> runs) {
        boolean first = visited.add(state);
        int before = runs.size();
        for (Step step : alphabet(state.equals(initial) && prefix.isEmpty())) {
            Expectation expectation = model.expect(state, step);
            List<Step> longer = append(prefix, step);
            boolean extendable = changesFixture(step) && !expectation.changesNothing(state);
            if (extendable && longer.size() < depth) {
                walk(longer, next(expectation), initial, depth, visited, runs);
            } else if (first || extendable) {
                runs.add(longer);
            }
        }
        if (runs.size() == before && !prefix.isEmpty()) {
            runs.add(prefix);
        }
    }

    /** The steps in their fixed order: those that move the fixture first, then every refusal and the bystander. */
    List<Step> alphabet(boolean fresh) {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.Archive.of(Target.CHILD));
        if (model.idempotency()) {
            steps.add(new Step.Archive(Target.CHILD, Credential.PROFILE, true));
        }
        steps.add(new Step.Wait());
        steps.add(Step.Archive.of(Target.COORDINATOR));
        steps.add(Step.Archive.of(Target.FOREIGN_THREAD));
        steps.add(Step.Archive.of(Target.UNKNOWN_THREAD));
        steps.add(Step.Archive.of(Target.MALFORMED_THREAD));
        steps.add(Step.Archive.of(Target.UNKNOWN_SESSION));
        steps.add(Step.Archive.of(Target.OTHER_SESSION_CHILD));
        if (model.idempotency()) {
            steps.add(new Step.Archive(Target.OTHER_SESSION_CHILD, Credential.PROFILE, true));
        }
        for (Credential credential : Credential.values()) {
            if (!credential.valid() && (fresh || credential == Credential.WRONG_TOKEN)) {
                steps.add(new Step.Archive(Target.CHILD, credential, false));
            }
        }
        steps.add(new Step.Archive(Target.UNKNOWN_SESSION, Credential.WRONG_TOKEN, false));
        steps.add(new Step.Archive(Target.UNKNOWN_THREAD, Credential.WRONG_TOKEN, false));
        return steps;
    }

    /** Steps on the fixture's own threads (the child, a wait); the bystander and the refusals end a sequence. */
    private static boolean changesFixture(Step step) {
        return step instanceof Step.Wait || step instanceof Step.Archive a && a.target() == Target.CHILD
                && a.credential().valid();
    }

    private static ModelState next(Expectation expectation) {
        return expectation.afterWait() != null ? expectation.afterWait()
                : expectation.allowed().values().iterator().next();
    }

    private static List<Step> append(List<Step> prefix, Step step) {
        List<Step> longer = new ArrayList<>(prefix);
        longer.add(step);
        return List.copyOf(longer);
    }
}
