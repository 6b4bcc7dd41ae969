package org.sessionthreads.conformance.junit;

import java.util.Optional;

import org.sessionthreads.conformance.explore.FindingReplay;
import org.sessionthreads.conformance.explore.RanOn;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.report.repro.ReplayPlan;
import org.sessionthreads.conformance.report.repro.ReplayStep;

/** A finding's typed replay as the bundle's {@link ReplayPlan}: what its reproduction script sends. */
final class ReplayPlans {
    private ReplayPlans() {
    }

    static ReplayPlan of(FindingReplay replay) {
        Optional<RanOn> on = replay.on();
        return new ReplayPlan(replay.steps().stream().map(ReplayPlans::step).toList(), replay.clients(),
                on.map(ReplayPlans::ids), on.map(r -> r.fixture().provenance()).orElse(""),
                on.map(RanOn::settle).orElse(java.time.Duration.ZERO));
    }

    private static ReplayStep step(Step step) {
        // why: the report's enums name the model's constants one for one (ReplayPlansTest holds it)
        if (step instanceof Step.Archive a) {
            return new ReplayStep.Archive(ReplayStep.Target.valueOf(a.target().name()),
                    ReplayStep.Credential.valueOf(a.credential().name()), a.keyed(), a.label());
        }
        return new ReplayStep.Wait(step.label());
    }

    private static ReplayPlan.Ids ids(RanOn on) {
        Fixture bystander = on.bystander();
        Fixture other = on.other();
        return new ReplayPlan.Ids(on.fixture().sessionId(), on.fixture().coordinatorThreadId(),
                on.fixture().threadId(), bystander == null ? null : bystander.sessionId(),
                bystander == null ? null : bystander.threadId(), other == null ? null : other.sessionId(),
                other == null ? null : other.threadId());
    }
}
