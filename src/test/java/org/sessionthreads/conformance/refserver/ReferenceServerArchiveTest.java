package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ReferenceServerArchiveTest {
    private static final String TERMINATED = "session.thread_status_terminated";
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @RegisterExtension
    static final DefaultReferenceServer REFERENCE = new DefaultReferenceServer();

    @Test
    void should_archive_an_idle_child() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().archive(fixture);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode thread = reply.json();
        assertThat(thread.get("id").asString()).isEqualTo(fixture.get("thread_id").asString());
        assertThat(thread.get("type").asString()).isEqualTo("session_thread");
        assertThat(thread.get("role").asString()).isEqualTo("child");
        assertThat(thread.get("status").asString()).isEqualTo("archived");
        assertThat(thread.get("stop_reason").get("type").asString()).isEqualTo("archive");
        assertThat(thread.get("archived_at").asString()).matches(TIMESTAMP)
                .isEqualTo(thread.get("updated_at").asString());
        assertThat(thread.get("parent_thread_id").asString())
                .isEqualTo(fixture.get("coordinator_thread_id").asString());
        assertThat(thread.get("created_by_tool_use_id").asString()).matches("toolu_[0-9a-f]{32}");
        assertThat(thread.get("agent").get("id").asString()).isEqualTo(thread.get("agent_id").asString());
    }

    @Test
    void should_persist_the_archive_and_emit_one_terminated_event() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();
        String threadId = fixture.get("thread_id").asString();

        REFERENCE.client().archive(fixture);

        assertThat(REFERENCE.client().thread(sessionId, threadId).get("status").asString()).isEqualTo("archived");
        List<JsonNode> terminated = REFERENCE.client().events(sessionId).stream().filter(ofType(TERMINATED, threadId)).toList();
        assertThat(terminated).hasSize(1);
        assertThat(terminated.get(0).get("status").asString()).isEqualTo("archived");
        assertThat(terminated.get(0).get("stop_reason").get("type").asString()).isEqualTo("archive");
        assertThat(terminated.get(0).get("agent_name").asString()).isEqualTo("Research Agent");
    }

    @Test
    void should_refuse_the_coordinator_with_409() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();
        String coordinatorId = fixture.get("coordinator_thread_id").asString();

        Reply reply = REFERENCE.client().archive(sessionId, coordinatorId);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
        assertThat(reply.json().get("error").get("message").asString())
                .isEqualTo("Coordinator threads cannot be archived.");
        assertThat(REFERENCE.client().countEvents(sessionId, ofType(TERMINATED, coordinatorId))).isZero();
    }

    @Test
    void should_refuse_a_running_child_with_409() {
        JsonNode fixture = REFERENCE.client().fixture("running_child");

        Reply reply = REFERENCE.client().archive(fixture);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
        assertThat(reply.json().get("error").get("message").asString())
                .isEqualTo("Thread status is 'running'; only idle threads can be archived.");
    }

    @Test
    void should_answer_404_for_an_unknown_session_before_the_thread() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().archive("sess_0000000000000000000000000000dead", fixture.get("thread_id").asString());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorType()).isEqualTo("not_found_error");
        assertThat(reply.json().get("error").get("message").asString())
                .isEqualTo("Session 'sess_0000000000000000000000000000dead' was not found.");
    }

    @Test
    void should_answer_404_for_unknown_malformed_and_foreign_threads() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        JsonNode other = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();

        Reply unknown = REFERENCE.client().archive(sessionId, "sthr_00000000000000000000000000000000");
        Reply malformed = REFERENCE.client().archive(sessionId, "not-a-thread");
        Reply foreign = REFERENCE.client().archive(sessionId, other.get("thread_id").asString());

        for (Reply reply : List.of(unknown, malformed, foreign)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("not_found_error");
            assertThat(reply.json().get("error").get("message").asString()).startsWith("Session thread '");
        }
        assertThat(REFERENCE.client().thread(other.get("session_id").asString(), other.get("thread_id").asString())
                .get("status").asString()).isEqualTo("idle");
    }

    @Test
    void should_answer_200_unchanged_when_rearchiving() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        JsonNode first = REFERENCE.client().archive(fixture).json();

        Reply again = REFERENCE.client().archive(fixture);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(REFERENCE.client().countEvents(fixture.get("session_id").asString(),
                ofType(TERMINATED, fixture.get("thread_id").asString()))).isEqualTo(1);
    }

    @Test
    void should_answer_409_when_rearchiving_in_conflict_mode() {
        try (ReferenceServer strict = RefClient.start(RefClient.options().withVariation(Variation.REARCHIVE_CONFLICT))) {
            RefClient strictClient = new RefClient(strict);
            JsonNode fixture = strictClient.fixture("idle_child");
            strictClient.archive(fixture);

            Reply again = strictClient.archive(fixture);

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorType()).isEqualTo("invalid_request_error");
        }
    }

    @Test
    void should_unblock_a_coordinator_waiting_through_the_agent_tool() {
        JsonNode fixture = REFERENCE.client().fixture("waiting_coordinator");
        String sessionId = fixture.get("session_id").asString();
        String coordinatorId = fixture.get("coordinator_thread_id").asString();
        int before = REFERENCE.client().events(sessionId).size();

        REFERENCE.client().archive(fixture);

        List<JsonNode> added = REFERENCE.client().events(sessionId).subList(before, REFERENCE.client().events(sessionId).size());
        assertThat(added).extracting(event -> event.get("type").asString()).containsExactly(
                "agent.tool_result", "session.thread_status_running", "session.thread_status_idle", TERMINATED);
        JsonNode result = added.get(0);
        assertThat(result.get("session_thread_id").asString()).isEqualTo(coordinatorId);
        assertThat(result.get("tool_use_id").asString()).isEqualTo(fixture.get("tool_use_id").asString());
        assertThat(result.get("content").get(0).get("text").asString()).isEqualTo("Agent cancelled.");
        assertThat(result.get("is_error").asBoolean()).isFalse();
        assertThat(REFERENCE.client().thread(sessionId, coordinatorId).get("status").asString()).isEqualTo("idle");
    }

    @Test
    void should_ignore_any_request_body() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String path = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                + fixture.get("thread_id").asString() + "/archive";

        Reply reply = REFERENCE.client().post(path, "{not json at all");

        assertThat(reply.status()).isEqualTo(200);
    }
}
