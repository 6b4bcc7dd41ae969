package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ReferenceServerBadInputTest {
    private static ReferenceServer server;
    private static RefClient client;
    private static String sessionId;

    @BeforeAll
    static void start() {
        server = RefClient.start(RefClient.options());
        client = new RefClient(server);
        sessionId = client.fixture("idle_child").get("session_id").asString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /v1/nope                                    | 404",
            "GET    | /                                           | 404",
            "GET    | /v1/sessions                                | 405",
            "DELETE | /v1/sessions/SID/threads                    | 405",
            "PATCH  | /v1/sessions/SID/threads/sthr_x/archive     | 405",
            "GET    | /v1/sessions/SID/threads/sthr_x/archive     | 405",
            "FOO    | /v1/sessions/SID/threads                    | 405",
            "GET    | /v1/sessions/%zz/threads                    | 400",
            "POST   | /v1/sessions/%zz/threads/%zz/archive        | 400",
            "GET    | /v1/sessions/%C3%28/threads                 | 400",
            "GET    | /v1/sessions/!!!/threads                    | 404",
            "GET    | /v1/sessions/a%2Fb/threads                  | 404",
            "GET    | /v1/sessions/s%C3%A9ss/threads              | 404",
            "GET    | /v1/sessions/SID/threads/sthr_%00/events    | 400",
            "GET    | /v1/sessions/SID/events?limit=99999999999999 | 400",
            "GET    | /v1/sessions/SID/events?limit=%zz           | 400",
            "GET    | /v1/sessions/SID/threads?page=%FF%FE        | 400",
            "POST   | /_fixtures                                  | 400",
            "GET    | /_fixtures                                  | 405",
    })
    void should_answer_bad_input_with_a_json_envelope(String method, String path, int status) {
        Reply reply = client.send(method, path.replace("SID", sessionId), "{\"kind\": [unclosed",
                "Authorization", RefClient.BEARER, "x-request-id", "bad-input");

        assertEnvelope(reply, status);
    }

    @Test
    void should_answer_a_huge_id_with_a_json_envelope() {
        Reply reply = client.get("/v1/sessions/sess_" + "a".repeat(5000) + "/threads");

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.json().get("type").asString()).isEqualTo("error");
    }

    @Test
    void should_answer_a_wrong_method_with_an_allow_header() {
        Reply reply = client.send("PUT", "/v1/sessions/" + sessionId + "/threads/sthr_x/archive", null,
                "Authorization", RefClient.BEARER);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST");
        assertThat(reply.errorType()).isEqualTo("invalid_request_error");
    }

    private static void assertEnvelope(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.body()).doesNotContain("<html", "Exception", "\tat ");
        JsonNode body = reply.json();
        assertThat(body.get("type").asString()).isEqualTo("error");
        assertThat(body.get("error").get("type").asString())
                .isEqualTo(status == 404 ? "not_found_error" : "invalid_request_error");
        assertThat(body.get("error").get("message").asString()).isNotBlank();
        assertThat(body.get("request_id").asString()).isEqualTo(reply.header("x-request-id")).isNotBlank();
    }
}
