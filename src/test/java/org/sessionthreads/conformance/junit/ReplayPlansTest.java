package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.explore.FindingReplay;
import org.sessionthreads.conformance.explore.RanOn;
import org.sessionthreads.conformance.explore.model.Credential;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.explore.model.Target;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.report.repro.ReplayPlan;
import org.sessionthreads.conformance.report.repro.ReplayStep;

/** A finding's typed replay as the report's plan: every step of the model maps, with the ids and settle time. */
class ReplayPlansTest {
    @Test
    void should_map_every_target_and_credential_of_the_model() {
        assertThat(Arrays.stream(ReplayStep.Target.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(Target.values()).map(Enum::name).toList());
        assertThat(Arrays.stream(ReplayStep.Credential.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(Credential.values()).map(Enum::name).toList());
    }

    @Test
    void should_keep_the_steps_the_ids_the_strategy_and_the_settle_time() {
        Fixture fixture = new Fixture(FixtureKind.IDLE_CHILD, "sess_1", "sthr_c", "sthr_1", null, null, "hook");
        Fixture bystander = new Fixture(FixtureKind.IDLE_CHILD, "sess_b", "sthr_bc", "sthr_b", null, null, "hook");
        Step keyed = new Step.Archive(Target.COORDINATOR, Credential.NEAR_TAB_INSIDE, true);
        FindingReplay replay = new FindingReplay(List.of(Step.Archive.of(Target.CHILD), new Step.Wait(), keyed), 0,
                Optional.of(new RanOn(fixture, bystander, null, Duration.ofMillis(200))));

        ReplayPlan plan = ReplayPlans.of(replay);

        assertThat(plan.steps()).containsExactly(new ReplayStep.Archive(ReplayStep.Target.CHILD,
                        ReplayStep.Credential.PROFILE, false, "archive the child"),
                new ReplayStep.Wait("wait the settle time"), new ReplayStep.Archive(ReplayStep.Target.COORDINATOR,
                        ReplayStep.Credential.NEAR_TAB_INSIDE, true, keyed.label()));
        assertThat(plan.ids()).contains(new ReplayPlan.Ids("sess_1", "sthr_c", "sthr_1", "sess_b", "sthr_b", null,
                null));
        assertThat(plan.viaHook()).isTrue();
        assertThat(plan.settle()).isEqualTo(Duration.ofMillis(200));
        assertThat(ReplayPlans.of(FindingReplay.concurrent(4, Optional.empty())))
                .isEqualTo(new ReplayPlan(List.of(), 4, Optional.empty(), "", Duration.ZERO));
    }
}
