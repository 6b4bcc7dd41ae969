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
 * Every sequence of operations from a fixture kind, in a fixed order (docs/explore.md, "What is enumerated"). Steps
 * come in two sorts: those that move the fixture (an accepted archive of the child, a wait that lets a queued
 * delivery happen) and those after which the model allows no change of the fixture (every refusal, a re-archive, a
 * wait on a settled fixture; archiving the other session's child, which moves only that thread).
 * <ul>
 *   <li>Every sequence of up to {@code depth - 1} moving steps is a prefix, and each prefix that reaches a model state
 *   not reached before goes on with ALL the state's non-moving steps chained in the alphabet's order, then a wait
 *   (the settle time, which outlasts a late effect) when the state allows one: a step that changes nothing leaves
 *   the next one in the same model state, so chaining loses nothing the views can see, each step's answer is
 *   judged, the child is read after each and every view at the end; a chained step that did change something is
 *   found by the shrinker, which replays the chain on fresh fixtures.</li>
 *   <li>The wrong-credential variants are chained in full on the fresh fixture; elsewhere one wrong token stands
 *   for them (the 401 trigger, "PAT invalid or expired", holds whatever the thread's state).</li>
 *   <li>A prefix of {@code depth} moving steps is a sequence of its own.</li>
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
        walk(List.of(), model.initial(kind), depth, new HashSet<>(), runs);
        return runs;
    }

    private void walk(List<Step> prefix, ModelState state, int depth, Set<ModelState> visited,
                      List<List<Step>> runs) {
        int before = runs.size();
        List<Step> chain = new ArrayList<>(prefix);
        List<Step> moving = new ArrayList<>();
        Step wait = null;
        for (Step step : alphabet(prefix.isEmpty())) {
            if (moves(state, step)) {
                moving.add(step);
            } else if (step instanceof Step.Wait) {
                wait = step;
            } else {
                chain.add(step);
            }
        }
        if (visited.add(state)) {
            if (wait != null) {
                chain.add(wait);
            }
            runs.add(List.copyOf(chain));
        }
        for (Step step : moving) {
            List<Step> longer = append(prefix, step);
            if (longer.size() < depth) {
                walk(longer, next(model.expect(state, step)), depth, visited, runs);
            } else {
                runs.add(longer);
            }
        }
        if (runs.size() == before && !prefix.isEmpty()) {
            runs.add(prefix);
        }
    }

    /** Whether {@code step} moves the fixture in {@code state} (the model allows a change of its threads). */
    boolean moves(ModelState state, Step step) {
        return changesFixture(step) && !model.expect(state, step).changesNothing(state);
    }

    /** Whether {@code step} is of the sort that may move the fixture (an archive of the child, a wait). */
    boolean movesAnywhere(Step step) {
        return changesFixture(step);
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
