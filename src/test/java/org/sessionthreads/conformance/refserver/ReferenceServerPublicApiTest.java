package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The public creation API and its scripted coordinator, on a server whose fixture hook is switched off. */
class ReferenceServerPublicApiTest {
    private static final String COORDINATOR_AGENT = "{\"name\":\"conformance test coordinator\",\"model\":\"ultimate\","
            + "\"tools\":[{\"type\":\"agent_toolset_20260401\",\"enabled_tools\":[\"Read\"]}],"
            + "\"multiagent\":{\"type\":\"coordinator\",\"agents\":[{\"type\":\"self\"}]}}";

    /**
     * A pending message delay no test outlives, so that the histories compared are those before delivery (a delivery
     * during the comparison would make one side longer).
     */
    private static final Duration NOT_DUE_IN_THIS_TEST = Duration.ofSeconds(60);
    /** The delay a message names in the delivery test: far longer than the "not yet" held inside it. */
    private static final long NAMED_DELAY_MS = 6_000;
    private static final Duration NOT_YET = Duration.ofSeconds(2);

    private static ReferenceServer server;
    private static RefClient client;
    private static ReferenceServer withHook;
    private static RefClient hookClient;

    @BeforeAll
    static void start() {
        server = RefClient.start(RefClient.options().withOption("fixture_hook", "false"));
        client = new RefClient(server);
        withHook = RefClient.start(RefClient.options().withDeliverAfter(NOT_DUE_IN_THIS_TEST));
        hookClient = new RefClient(withHook);
    }

    @AfterAll
    static void stop() {
        server.close();
        withHook.close();
    }

    @ParameterizedTest
    @CsvSource({"POST, /_fixtures", "DELETE, /_fixtures/sess_0123", "GET, /_fixtures"})
    void should_answer_404_in_the_envelope_where_the_switched_off_hook_was(String method, String path) {
        Reply reply = client.send(method, path, method.equals("POST") ? "{\"kind\":\"idle_child\"}" : null,
                "Authorization", RefClient.BEARER);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorType()).isEqualTo("not_found_error");
    }

    @Test
    void should_take_the_hook_switch_as_an_option_and_refuse_other_values() {
        assertThat(RefClient.options().fixtureHook()).isTrue();
        assertThat(RefClient.options().withOptions(java.util.Map.of("fixture_hook", "false")).fixtureHook()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RefClient.options().withOption("fixture_hook", "no"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixture_hook must be true or false");
    }

    @Test
    void should_create_an_agent_and_an_idle_session() {
        JsonNode agent = createAgent(COORDINATOR_AGENT);
        Reply session = client.post("/v1/sessions", "{\"agent\":\"" + agent.get("id").asString() + "\","
                + "\"title\":\"conformance r1 idle_child\",\"metadata\":{\"conformance_run\":\"r1\"}}");

        assertThat(agent.get("id").asString()).startsWith("agent_");
        assertThat(agent.get("multiagent").get("agents").get(0).get("type").asString()).isEqualTo("self");
        assertThat(session.status()).isEqualTo(201);
        assertThat(session.json().get("id").asString()).startsWith("sess_");
        assertThat(session.json().get("status").asString()).isEqualTo("idle");
        assertThat(session.json().get("metadata").get("conformance_run").asString()).isEqualTo("r1");
        assertThat(client.get("/v1/sessions/" + session.json().get("id").asString() + "/threads").json()
                .get("data")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\":\"\"}",
            "{\"name\":\"x\",\"multiagent\":{\"type\":\"coordinator\",\"agents\":[]}}",
            "{\"name\":\"x\",\"multiagent\":{\"type\":\"coordinator\",\"agents\":[\"agent_unknown\"]}}",
            "{\"name\":\"x\",\"multiagent\":{\"type\":\"coordinator\",\"agents\":[{\"type\":\"self\"},{\"type\":\"self\"}]}}",
            "not json"})
    void should_refuse_a_bad_agent_with_400_in_the_envelope(String body) {
        Reply reply = client.post("/v1/agents", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
    }

    @Test
    void should_refuse_a_session_for_an_unknown_agent_and_requests_without_the_token() {
        assertThat(client.post("/v1/sessions", "{\"agent\":\"agent_nope\"}").status()).isEqualTo(400);
        assertThat(client.send("POST", "/v1/agents", COORDINATOR_AGENT).status()).isEqualTo(401);
        assertThat(client.send("POST", "/v1/sessions/sess_x/archive", null).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"Please delegate idle now., idle_child, idle, idle",
            "delegate running, running_child, running, idle",
            "DELEGATE AND WAIT, waiting_coordinator, idle, blocked",
            "delegate with pending message after 60000 ms, child_with_pending_message, idle, idle"})
    void should_play_the_hooks_history_for_each_command(String text, String kind, String childStatus,
                                                       String coordinatorStatus) {
        String sessionId = prompted(text);

        await().atMost(Duration.ofSeconds(10)).until(() -> threads(sessionId).size() == 3
                && status(threads(sessionId).get(2)).equals(childStatus)
                && status(threads(sessionId).get(0)).equals(coordinatorStatus));

        JsonNode hookFixture = hookClient.fixture(kind);
        assertThat(types(client.events(sessionId))).first().isEqualTo("user.message");
        assertThat(types(client.events(sessionId)).subList(1, types(client.events(sessionId)).size()))
                .isEqualTo(types(hookClient.events(hookFixture.get("session_id").asString())));
        assertThat(threads(sessionId).get(0).get("agent").get("name").asString())
                .isEqualTo("conformance test coordinator");
    }

    @Test
    void should_deliver_the_pending_message_after_the_delay_the_message_names() {
        String sessionId = prompted("delegate with pending message after " + NAMED_DELAY_MS + " ms");
        await().atMost(Duration.ofSeconds(10)).until(() -> threads(sessionId).size() == 3);
        String childId = threads(sessionId).get(2).get("id").asString();

        await().during(NOT_YET).atMost(NOT_YET.plusSeconds(10))
                .until(() -> client.countEvents(sessionId, ofType("agent.thread_message_received", childId)) == 0);
        await().atMost(Duration.ofMillis(NAMED_DELAY_MS).plusSeconds(10))
                .until(() -> client.countEvents(sessionId, ofType("agent.thread_message_received", childId)) == 2);
    }

    @Test
    void should_refuse_messages_it_cannot_play_and_a_second_message() {
        String sessionId = session();

        Reply unknown = message(sessionId, "please do something");
        Reply tooSoon = message(sessionId, "delegate with pending message after 10 ms");
        Reply first = message(sessionId, "delegate idle");
        Reply second = message(sessionId, "delegate idle");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").get("message").asString()).contains("delegate and wait");
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("data").get(0).get("id").asString()).startsWith("evt_");
        assertThat(second.status()).isEqualTo(409);
        assertThat(message("sess_0000", "delegate idle").status()).isEqualTo(404);
        assertThat(client.post("/v1/sessions/" + sessionId + "/events", "{\"events\":[]}").status()).isEqualTo(400);
    }

    @Test
    void should_archive_a_session_once_and_stop_serving_its_threads() {
        String sessionId = prompted("delegate running");
        await().atMost(Duration.ofSeconds(10)).until(() -> threads(sessionId).size() == 3);

        Reply archived = client.post("/v1/sessions/" + sessionId + "/archive", null);
        Reply again = client.post("/v1/sessions/" + sessionId + "/archive", null);

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("archived_at").isString()).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("conflict_error");
        assertThat(client.get("/v1/sessions/" + sessionId + "/threads").status()).isEqualTo(404);
        assertThat(message(sessionId, "delegate idle").status()).isEqualTo(409);
        assertThat(client.post("/v1/sessions/sess_0000/archive", null).status()).isEqualTo(404);
    }

    @Test
    void should_archive_a_session_the_hook_created() {
        JsonNode fixture = hookClient.fixture("idle_child");
        String sessionId = fixture.get("session_id").asString();

        assertThat(hookClient.post("/v1/sessions/" + sessionId + "/archive", null).status()).isEqualTo(200);
        assertThat(hookClient.get("/v1/sessions/" + sessionId + "/threads").status()).isEqualTo(404);
    }

    private static JsonNode createAgent(String body) {
        Reply reply = client.post("/v1/agents", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static String session() {
        String agentId = createAgent(COORDINATOR_AGENT).get("id").asString();
        Reply reply = client.post("/v1/sessions", "{\"agent\":{\"id\":\"" + agentId + "\"}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static String prompted(String text) {
        String sessionId = session();
        Reply reply = message(sessionId, text);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return sessionId;
    }

    private static Reply message(String sessionId, String text) {
        return client.post("/v1/sessions/" + sessionId + "/events", "{\"events\":[{\"type\":\"user.message\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}]}");
    }

    private static List<JsonNode> threads(String sessionId) {
        List<JsonNode> threads = new java.util.ArrayList<>();
        client.get("/v1/sessions/" + sessionId + "/threads").json().get("data").forEach(threads::add);
        return threads;
    }

    private static String status(JsonNode thread) {
        return thread.get("status").asString();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).toList();
    }
}
