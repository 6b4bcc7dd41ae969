package org.sessionthreads.conformance.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.FixtureKind;

/** What a report hands on: a finding's texts quote the target, and pass through the run's redactor. */
class ExplorationReportTest {

    @Test
    void should_hide_the_token_a_target_echoed_into_a_finding() {
        Secret token = Secret.of("tok-echoed-4711");
        Finding echoed = new Finding("AUTH-001", "archive.answer.status", FixtureKind.IDLE_CHILD,
                List.of("archive the child with a wrong token"), "401", "200 {\"you_sent\":\"Bearer tok-echoed-4711\"}",
                true, 1, List.of(), new FindingReplay(List.of(new Step.Wait()), 0, Optional.empty()));
        ExplorationReport report = new ExplorationReport(3, Map.of(), List.of(echoed), 10, Duration.ofSeconds(1),
                List.of());

        ExplorationReport redacted = report.redacted(new Redactor(List.of(token))::text);

        assertThat(redacted.findings()).singleElement().satisfies(f -> {
            assertThat(f.observed()).doesNotContain("tok-echoed-4711").contains(Secret.MASK);
            assertThat(f.allowed()).isEqualTo("401");
            assertThat(f.requirementId()).isEqualTo("AUTH-001");
            assertThat(f.confirmed()).isTrue();
        });
    }
}
