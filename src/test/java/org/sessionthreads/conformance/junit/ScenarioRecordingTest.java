package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.outcome.Untestable;

/**
 * What a scenario's record holds, also when there is nothing to record: a scenario that ends before its first
 * request keeps its own outcome (JUnit refuses a blank report entry by failing the callback, which would turn an
 * UNTESTABLE scenario into an ERROR), and the token hint counts only answers to the profile's own token.
 */
class ScenarioRecordingTest {

    @Test
    void should_keep_an_untestable_scenario_that_sent_no_request_untestable() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Recorded.class, "untestableBeforeAnyRequest")).execute();

        Event finished = results.testEvents().finished().list().get(0);
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(result.getThrowable()).get().isInstanceOf(Untestable.class);
        assertThat(ScenarioJudgements.of(result).label()).isEqualTo("UNTESTABLE");
        ScenarioRecord record = ScenarioRecording.recordOf("ARCH-001", List.of(), result.getThrowable(), "",
                List.of(), Map.of());
        assertThat(record.tokenAnswers()).isZero();
        assertThat(record.exchanges()).isEmpty();
        assertThat(record.reproduction().present()).isFalse();
    }

    @Test
    void should_count_as_refused_only_the_401s_to_the_profiles_own_token() {
        ScenarioRecord record = ScenarioRecording.recordOf("AUTH-001", List.of(answered("wrong-1", 401, false),
                answered("right-2", 404, true)), Optional.empty(), "", List.of(), Map.of());

        assertThat(record.exchanges()).containsExactly("wrong-1", "right-2");
        assertThat(record.tokenAnswers()).isEqualTo(1);
        assertThat(record.tokenRefused()).isZero();
    }

    @Test
    void should_keep_the_exchanges_of_a_failure_with_the_quoted_one_and_bodies_cut() {
        List<Exchange> exchanges = new java.util.ArrayList<>();
        for (int i = 0; i < FailureEvidence.EXCHANGES + 5; i++) {
            exchanges.add(answered("req-" + i, 200, true));
        }
        exchanges.set(exchanges.size() - 1, new Exchange("GET", "http://127.0.0.1:1/v1", Map.of(), "", 200, Map.of(),
                "x".repeat(FailureEvidence.BODY_CHARS + 10), Instant.EPOCH, Duration.ofMillis(1), "req-last", null,
                true));

        ScenarioRecord failed = ScenarioRecording.recordOf("ARCH-001", exchanges,
                Optional.of(new AssertionError("Expecting 409 (request_id req-2, 1 ms)")), "", List.of(), Map.of());
        ScenarioRecord passed = ScenarioRecording.recordOf("ARCH-001", exchanges, Optional.empty(), "", List.of(),
                Map.of());

        assertThat(failed.evidence()).hasSize(FailureEvidence.EXCHANGES + 1);
        assertThat(failed.evidence().get(0).requestId()).as("the exchange the message quotes").isEqualTo("req-2");
        assertThat(failed.evidence().get(1).requestId()).isEqualTo("req-5");
        assertThat(failed.evidence().get(FailureEvidence.EXCHANGES).responseBody())
                .isEqualTo("x".repeat(FailureEvidence.BODY_CHARS) + "\n… [10 more characters not kept]");
        assertThat(passed.evidence()).isEmpty();
    }

    private static Exchange answered(String requestId, int status, boolean profileToken) {
        return new Exchange("GET", "http://127.0.0.1:1/v1/sessions/sess_a/threads", Map.of(), "", status, Map.of(),
                "{}", Instant.EPOCH, Duration.ofMillis(1), requestId, null, profileToken);
    }

    @ExtendWith(ScenarioRecording.class)
    static class Recorded {
        @Requirement("ARCH-001")
        @Test
        void untestableBeforeAnyRequest() {
            throw new Untestable("UNTESTABLE: no fixture strategy could provide idle_child; hook: none");
        }
    }
}
