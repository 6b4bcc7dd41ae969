package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceServerStreamTest {
    private static final String TERMINATED = "session.thread_status_terminated";

    private static ReferenceServer server;
    private static RefClient client;

    @BeforeAll
    static void start() {
        server = RefClient.start(RefClient.options().withHeartbeat(Duration.ofMillis(200)));
        client = new RefClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_stream_live_events_only_from_the_moment_of_connection() {
        JsonNode fixture = client.fixture("idle_child");
        try (SseReader stream = SseReader.open(client, sessionStream(fixture))) {

            client.archive(fixture);

            waiting().until(() -> stream.events().size() == 1);
            JsonNode event = stream.events().get(0);
            assertThat(event.get("type").asString()).isEqualTo(TERMINATED);
            assertThat(event.get("session_thread_id").asString()).isEqualTo(fixture.get("thread_id").asString());
            assertThat(event.get("stop_reason").get("type").asString()).isEqualTo("archive");
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValue("text/event-stream");
        }
    }

    @Test
    void should_replay_everything_after_last_event_id_then_go_live() {
        JsonNode fixture = client.fixture("idle_child");
        List<JsonNode> history = client.events(fixture.get("session_id").asString());
        try (SseReader stream = SseReader.open(client, sessionStream(fixture),
                "Last-Event-ID", history.get(2).get("id").asString())) {

            client.archive(fixture);

            waiting().until(() -> stream.events().size() == history.size() - 3 + 1);
            List<String> ids = stream.events().stream().map(event -> event.get("id").asString()).toList();
            assertThat(ids.subList(0, history.size() - 3)).isEqualTo(
                    history.subList(3, history.size()).stream().map(event -> event.get("id").asString()).toList());
            assertThat(stream.events().get(ids.size() - 1).get("type").asString()).isEqualTo(TERMINATED);
        }
    }

    @Test
    void should_stream_only_the_threads_events_on_the_thread_stream() {
        JsonNode fixture = client.fixture("waiting_coordinator");
        String threadId = fixture.get("thread_id").asString();
        String path = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/" + threadId + "/stream";
        try (SseReader stream = SseReader.open(client, path)) {

            client.archive(fixture);

            waiting().until(() -> stream.events().size() == 1);
            assertThat(stream.events().get(0).get("session_thread_id").asString()).isEqualTo(threadId);
        }
    }

    @Test
    void should_send_heartbeat_comments() {
        JsonNode fixture = client.fixture("idle_child");
        try (SseReader stream = SseReader.open(client, sessionStream(fixture))) {

            waiting().until(() -> stream.lines().contains(": heartbeat"));
        }
    }

    @Test
    void should_reject_an_unknown_last_event_id_before_streaming() {
        JsonNode fixture = client.fixture("idle_child");

        Reply reply = client.send("GET", sessionStream(fixture), null,
                "Authorization", RefClient.BEARER, "Last-Event-ID", "evt_00000000000000000000000000000000");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
    }

    @Test
    void should_reject_a_last_event_id_of_another_thread_on_a_thread_stream() {
        JsonNode fixture = client.fixture("idle_child");
        String coordinatorEvent = client.events(fixture.get("session_id").asString()).get(0).get("id").asString();
        String path = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                + fixture.get("thread_id").asString() + "/stream";

        Reply reply = client.send("GET", path, null,
                "Authorization", RefClient.BEARER, "Last-Event-ID", coordinatorEvent);

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void should_end_the_stream_when_the_fixture_is_deleted() {
        JsonNode fixture = client.fixture("idle_child");
        try (SseReader stream = SseReader.open(client, sessionStream(fixture))) {

            client.send("DELETE", "/_fixtures/" + fixture.get("session_id").asString(), null,
                    "Authorization", RefClient.BEARER);

            waiting().until(stream::finished);
        }
    }

    @Test
    void should_end_streams_cleanly_when_the_server_stops() {
        ReferenceServer own = RefClient.start(RefClient.options());
        RefClient ownClient = new RefClient(own);
        JsonNode fixture = ownClient.fixture("idle_child");
        try (SseReader stream = SseReader.open(ownClient, sessionStream(fixture))) {

            own.close();

            waiting().until(stream::finished);
        }
    }

    @Test
    void should_keep_answering_other_requests_while_streams_are_open() {
        JsonNode fixture = client.fixture("idle_child");
        try (SseReader first = SseReader.open(client, sessionStream(fixture));
             SseReader second = SseReader.open(client, sessionStream(fixture))) {

            Reply reply = client.archive(fixture);

            assertThat(reply.status()).isEqualTo(200);
            waiting().until(() -> first.events().size() == 1 && second.events().size() == 1);
        }
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20));
    }

    private static String sessionStream(JsonNode fixture) {
        return "/v1/sessions/" + fixture.get("session_id").asString() + "/events/stream";
    }
}
