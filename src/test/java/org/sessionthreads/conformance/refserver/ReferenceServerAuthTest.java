package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReferenceServerAuthTest {
    @RegisterExtension
    static final DefaultReferenceServer REFERENCE = new DefaultReferenceServer();

    @Test
    void should_answer_401_envelope_without_authorization() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().send("GET", threadPath(fixture), null);

        assertUnauthorized(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic " + RefClient.TOKEN, "Token " + RefClient.TOKEN, "Bearer wrong-token",
            "Bearer", "Bearer  " + RefClient.TOKEN, RefClient.TOKEN, "Bearer " + RefClient.TOKEN + "x"})
    void should_answer_401_for_bad_authorization_headers(String header) {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().send("GET", threadPath(fixture), null, "Authorization", header);

        assertUnauthorized(reply);
    }

    @Test
    void should_answer_401_for_x_api_key() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().send("GET", threadPath(fixture), null, "x-api-key", RefClient.TOKEN);

        assertUnauthorized(reply);
    }

    @Test
    void should_accept_the_scheme_in_any_case() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");

        Reply reply = REFERENCE.client().send("GET", threadPath(fixture), null, "Authorization", "bEaReR " + RefClient.TOKEN);

        assertThat(reply.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/sessions/sess_unknown/threads/sthr_unknown/archive", "/v1/no/such/route",
            "/_fixtures/whatever"})
    void should_answer_401_before_404(String path) {
        Reply reply = REFERENCE.client().send("POST", path, null, "Authorization", "Bearer wrong");

        assertUnauthorized(reply);
    }

    @Test
    void should_not_archive_when_the_request_is_rejected() {
        JsonNode fixture = REFERENCE.client().fixture("idle_child");
        String path = threadPath(fixture) + "/archive";

        Reply reply = REFERENCE.client().send("POST", path, null, "Authorization", "Bearer wrong");

        assertUnauthorized(reply);
        assertThat(REFERENCE.client().thread(sessionId(fixture), threadId(fixture)).get("status").asString()).isEqualTo("idle");
        assertThat(REFERENCE.client().countEvents(sessionId(fixture),
                RefClient.ofType("session.thread_status_terminated", threadId(fixture)))).isZero();
    }

    @Test
    void should_protect_the_fixture_hook() {
        Reply reply = REFERENCE.client().send("POST", "/_fixtures", "{\"kind\":\"idle_child\"}");

        assertUnauthorized(reply);
    }

    @Test
    void should_echo_the_request_id_on_success_and_error() {
        Reply ok = REFERENCE.client().send("POST", "/_fixtures", "{\"kind\":\"idle_child\"}",
                "Authorization", RefClient.BEARER, "x-request-id", "  trace-42  ");
        Reply error = REFERENCE.client().send("GET", "/v1/sessions/x/threads", null, "x-request-id", "trace-43");
        Reply generated = REFERENCE.client().send("GET", "/v1/sessions/x/threads", null);

        assertThat(ok.header("x-request-id")).isEqualTo("trace-42");
        assertThat(error.header("x-request-id")).isEqualTo("trace-43");
        assertThat(error.json().get("request_id").asString()).isEqualTo("trace-43");
        assertThat(generated.header("x-request-id")).startsWith("req_")
                .isEqualTo(generated.json().get("request_id").asString());
    }

    static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("type").asString()).isEqualTo("error");
        assertThat(body.get("error").get("type").asString()).isEqualTo("authentication_error");
        assertThat(body.get("error").get("message").asString()).isEqualTo("Invalid API key or token.");
        assertThat(body.get("request_id").asString()).isEqualTo(reply.header("x-request-id"));
    }

    static String threadPath(JsonNode fixture) {
        return "/v1/sessions/" + sessionId(fixture) + "/threads/" + threadId(fixture);
    }

    static String sessionId(JsonNode fixture) {
        return fixture.get("session_id").asString();
    }

    static String threadId(JsonNode fixture) {
        return fixture.get("thread_id").asString();
    }
}
