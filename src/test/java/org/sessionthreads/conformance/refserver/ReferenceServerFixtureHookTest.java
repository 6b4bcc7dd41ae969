package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReferenceServerFixtureHookTest {
    @RegisterExtension
    static final DefaultReferenceServer REFERENCE = new DefaultReferenceServer();

    @ParameterizedTest
    @CsvSource({"idle_child, idle, idle", "running_child, running, idle", "waiting_coordinator, idle, blocked",
            "child_with_pending_message, idle, idle"})
    void should_create_each_kind_in_a_new_session(String kind, String childStatus, String coordinatorStatus) {
        Reply reply = REFERENCE.client().post("/_fixtures", "{\"kind\":\"" + kind + "\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode fixture = reply.json();
        String sessionId = fixture.get("session_id").asString();
        assertThat(fixture.get("kind").asString()).isEqualTo(kind);
        assertThat(sessionId).matches("sess_[0-9a-f]{32}");
        JsonNode child = REFERENCE.client().thread(sessionId, fixture.get("thread_id").asString());
        JsonNode coordinator = REFERENCE.client().thread(sessionId, fixture.get("coordinator_thread_id").asString());
        assertThat(child.get("status").asString()).isEqualTo(childStatus);
        assertThat(child.get("role").asString()).isEqualTo("child");
        assertThat(coordinator.get("status").asString()).isEqualTo(coordinatorStatus);
        assertThat(coordinator.get("role").asString()).isEqualTo("coordinator");
        assertThat(coordinator.get("parent_thread_id").isNull()).isTrue();
    }

    @Test
    void should_give_the_stop_reason_of_each_state() {
        JsonNode idle = REFERENCE.client().fixture("idle_child");
        JsonNode running = REFERENCE.client().fixture("running_child");

        assertThat(REFERENCE.client().thread(idle.get("session_id").asString(), idle.get("thread_id").asString())
                .get("stop_reason").get("type").asString()).isEqualTo("end_turn");
        assertThat(REFERENCE.client().thread(running.get("session_id").asString(), running.get("thread_id").asString())
                .get("stop_reason").isNull()).isTrue();
    }

    @Test
    void should_never_share_a_session_between_fixtures() {
        JsonNode first = REFERENCE.client().fixture("idle_child");
        JsonNode second = REFERENCE.client().fixture("idle_child");

        assertThat(first.get("session_id").asString()).isNotEqualTo(second.get("session_id").asString());
    }

    @Test
    void should_report_the_agent_tool_call_of_a_waiting_coordinator() {
        JsonNode fixture = REFERENCE.client().fixture("waiting_coordinator");
        String sessionId = fixture.get("session_id").asString();
        String toolUseId = fixture.get("tool_use_id").asString();

        JsonNode child = REFERENCE.client().thread(sessionId, fixture.get("thread_id").asString());
        List<JsonNode> toolUses = REFERENCE.client().events(sessionId).stream()
                .filter(event -> event.get("type").asString().equals("agent.tool_use")
                        && event.get("tool_use_id").asString().equals(toolUseId)).toList();

        assertThat(child.get("created_by_tool_use_id").asString()).isEqualTo(toolUseId);
        assertThat(toolUses).hasSize(1);
        assertThat(toolUses.get(0).get("name").asString()).isEqualTo("Agent");
    }

    @Test
    void should_report_the_delivery_delay_of_a_pending_message() {
        JsonNode fixture = REFERENCE.client().fixture("child_with_pending_message");

        assertThat(fixture.get("deliver_after_ms").asLong()).isEqualTo(1000);
    }

    @Test
    void should_queue_the_pending_message_at_least_window_ms_ahead_and_say_so() {
        JsonNode wider = REFERENCE.client().post("/_fixtures",
                "{\"kind\":\"child_with_pending_message\",\"window_ms\":2500}").json();
        JsonNode narrower = REFERENCE.client().post("/_fixtures",
                "{\"kind\":\"child_with_pending_message\",\"window_ms\":400}").json();

        assertThat(wider.get("deliver_after_ms").asLong()).isEqualTo(2500);
        assertThat(narrower.get("deliver_after_ms").asLong()).isEqualTo(1000);
    }

    @Test
    void should_deliver_the_pending_message_no_earlier_than_the_window_asked() {
        JsonNode fixture = REFERENCE.client().post("/_fixtures",
                "{\"kind\":\"child_with_pending_message\",\"window_ms\":1800}").json();
        String sessionId = fixture.get("session_id").asString();
        String childId = fixture.get("thread_id").asString();

        java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(1300).toNanos());

        assertThat(REFERENCE.client().thread(sessionId, childId).get("status").asString()).isEqualTo("idle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"600\"", "1.5", "true"})
    void should_reject_a_window_that_is_no_whole_number_of_milliseconds(String window) {
        Reply reply = REFERENCE.client().post("/_fixtures",
                "{\"kind\":\"child_with_pending_message\",\"window_ms\":" + window + "}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
        assertThat(reply.json().get("error").get("message").asString()).contains("window_ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":\"no_such_kind\"}", "{}", "garbage", "", "[]", "{\"kind\":3}", "null"})
    void should_reject_bad_bodies_with_400_listing_the_kinds(String body) {
        Reply reply = REFERENCE.client().post("/_fixtures", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
        assertThat(reply.json().get("error").get("message").asString())
                .contains("idle_child", "running_child", "waiting_coordinator", "child_with_pending_message");
    }

    @Test
    void should_delete_idempotently() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();

        Reply first = REFERENCE.client().send("DELETE", "/_fixtures/" + sessionId, null, "Authorization", RefClient.BEARER);
        Reply second = REFERENCE.client().send("DELETE", "/_fixtures/" + sessionId, null, "Authorization", RefClient.BEARER);
        Reply unknown = REFERENCE.client().send("DELETE", "/_fixtures/sess_unknown", null, "Authorization", RefClient.BEARER);

        assertThat(List.of(first.status(), second.status(), unknown.status())).containsOnly(204);
        assertThat(REFERENCE.client().get("/v1/sessions/" + sessionId + "/threads").status()).isEqualTo(404);
    }
}
