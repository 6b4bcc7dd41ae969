package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReferenceServerEventsTest {
    @RegisterExtension
    static final DefaultReferenceServer REFERENCE = new DefaultReferenceServer();

    @Test
    void should_walk_all_events_with_small_pages_and_cursors() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();
        List<String> expected = ids(REFERENCE.client().get(eventsPath(sessionId) + "?limit=100").json().get("data"));

        List<String> walked = new ArrayList<>();
        JsonNode page = REFERENCE.client().get(eventsPath(sessionId) + "?limit=3").json();
        walked.addAll(ids(page.get("data")));
        while (page.get("has_more").asBoolean()) {
            page = REFERENCE.client().get(eventsPath(sessionId) + "?limit=3&page=" + page.get("next_page").asString()).json();
            walked.addAll(ids(page.get("data")));
        }

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(walked).isEqualTo(expected);
        assertThat(page.get("next_page").isNull()).isTrue();
    }

    @Test
    void should_describe_a_page_with_first_last_and_has_more() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        JsonNode page = REFERENCE.client().get(eventsPath(fixture.get("session_id").asString()) + "?limit=2").json();

        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("first_id").asString()).isEqualTo(page.get("data").get(0).get("id").asString());
        assertThat(page.get("last_id").asString()).isEqualTo(page.get("data").get(1).get("id").asString());
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("next_page").asString()).isNotBlank();
    }

    @Test
    void should_keep_cursors_valid_while_events_are_appended() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();
        JsonNode first = REFERENCE.client().get(eventsPath(sessionId) + "?limit=2").json();

        REFERENCE.client().archive(fixture);
        String cursor = first.get("next_page").asString();
        JsonNode second = REFERENCE.client().get(eventsPath(sessionId) + "?limit=2&page=" + cursor).json();

        List<String> all = REFERENCE.client().events(sessionId).stream().map(event -> event.get("id").asString()).toList();
        assertThat(ids(second.get("data"))).isEqualTo(all.subList(2, 4));
    }

    @Test
    void should_start_after_after_id_exclusively() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();
        List<JsonNode> all = REFERENCE.client().events(sessionId);

        String afterId = all.get(4).get("id").asString();

        JsonNode page = REFERENCE.client().get(eventsPath(sessionId) + "?limit=2&after_id=" + afterId).json();

        assertThat(ids(page.get("data")))
                .containsExactly(all.get(5).get("id").asString(), all.get(6).get("id").asString());
    }

    @Test
    void should_reject_bad_after_id_and_page_combinations() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String path = eventsPath(fixture.get("session_id").asString());
        String cursor = REFERENCE.client().get(path + "?limit=1").json().get("next_page").asString();

        assertBadRequest(REFERENCE.client().get(path + "?after_id=evt_00000000000000000000000000000000"));
        assertBadRequest(REFERENCE.client().get(path + "?page=" + cursor + "&after_id=" + "evt_x"));
        assertBadRequest(REFERENCE.client().get(path + "?page=garbage!!"));
        assertBadRequest(REFERENCE.client().get(path + "?page=YWZ0ZXI6ZXZ0X25vcGU"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999999999999", ""})
    void should_reject_bad_limits(String limit) {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();

        assertBadRequest(REFERENCE.client().get(eventsPath(sessionId) + "?limit=" + limit));
        assertBadRequest(REFERENCE.client().get("/v1/sessions/" + sessionId + "/threads?limit=" + limit));
    }

    @Test
    void should_filter_by_type_in_every_spelling() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String path = eventsPath(fixture.get("session_id").asString()) + "?limit=100&";

        JsonNode brackets = REFERENCE.client().get(path + "types[]=agent.tool_use&types[]=session.thread_created").json();
        JsonNode comma = REFERENCE.client().get(path + "types=agent.tool_use,session.thread_created").json();
        JsonNode single = REFERENCE.client().get(path + "type=agent.tool_use").json();

        assertThat(types(brackets)).containsOnly("agent.tool_use", "session.thread_created").hasSize(5);
        assertThat(types(comma)).isEqualTo(types(brackets));
        assertThat(types(single)).containsOnly("agent.tool_use").hasSize(2);
    }

    @Test
    void should_list_only_the_threads_own_events() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String threadId = fixture.get("thread_id").asString();

        JsonNode page = REFERENCE.client().get("/v1/sessions/" + fixture.get("session_id").asString() + "/threads/" + threadId
                + "/events?limit=100").json();

        assertThat(page.get("data")).isNotEmpty().allSatisfy(event ->
                assertThat(event.get("session_thread_id").asString()).isEqualTo(threadId));
        assertThat(types(page)).startsWith("session.thread_created", "session.thread_status_running");
    }

    @Test
    void should_list_threads_coordinator_first_and_page_them() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String path = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads";
        REFERENCE.client().archive(fixture);

        JsonNode first = REFERENCE.client().get(path + "?limit=1").json();
        JsonNode rest = REFERENCE.client().get(path + "?page=" + first.get("next_page").asString()).json();

        assertThat(first.get("data").get(0).get("role").asString()).isEqualTo("coordinator");
        assertThat(first.get("data").get(0).get("id").asString())
                .isEqualTo(fixture.get("coordinator_thread_id").asString());
        assertThat(rest.get("data")).extracting(thread -> thread.get("role").asString()).containsOnly("child");
        assertThat(rest.get("data").get(1).get("id").asString()).isEqualTo(fixture.get("thread_id").asString());
        assertThat(rest.get("data").get(1).get("status").asString()).isEqualTo("archived");
        assertThat(rest.get("has_more").asBoolean()).isFalse();
    }

    private static void assertBadRequest(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
    }

    private static String eventsPath(String sessionId) {
        return "/v1/sessions/" + sessionId + "/events";
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("data").forEach(event -> types.add(event.get("type").asString()));
        return types;
    }
}
