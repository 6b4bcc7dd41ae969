package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.outcome.Untestable;

/**
 * What a scenario's record publishes, also when there is nothing to record: a scenario that ends before its first
 * request keeps its own outcome (JUnit refuses a blank report entry by failing the callback, which used to turn an
 * UNTESTABLE scenario into an ERROR), and the token hint counts only answers to the profile's own token.
 */
class ScenarioRecordingTest {

    @Test
    void should_keep_an_untestable_scenario_that_sent_no_request_untestable() {
        EngineExecutionResults results = run("untestableBeforeAnyRequest");

        Event finished = results.testEvents().finished().list().get(0);
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
        assertThat(result.getThrowable()).get().isInstanceOf(Untestable.class);
        assertThat(ScenarioJudgements.of(result).label()).isEqualTo("UNTESTABLE");
        assertThat(entries(results)).containsEntry(ScenarioRecording.REQUIREMENT, "ARCH-001")
                .containsEntry(ScenarioRecording.TOKEN_ANSWERS, "0")
                .doesNotContainKey(ScenarioRecording.EXCHANGES);
    }

    @Test
    void should_count_as_refused_only_the_401s_to_the_profiles_own_token() {
        EngineExecutionResults results = run("oneDeliberateWrongTokenAndOneAcceptedToken");

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(entries(results)).containsEntry(ScenarioRecording.EXCHANGES, "wrong-1,right-2")
                .containsEntry(ScenarioRecording.TOKEN_ANSWERS, "1")
                .containsEntry(ScenarioRecording.TOKEN_REFUSED, "0");
    }

    private static EngineExecutionResults run(String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Recorded.class, method)).execute();
    }

    private static Map<String, String> entries(EngineExecutionResults results) {
        Map<String, String> all = new HashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).forEach(all::putAll);
        return all;
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

        @Requirement("AUTH-001")
        @Test
        void oneDeliberateWrongTokenAndOneAcceptedToken() {
            List.of(answered("wrong-1", 401, false), answered("right-2", 404, true))
                    .forEach(ScenarioRecording::record);
        }
    }
}
