package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The optional features a foreign target may lack can be switched off: the event stream, Idempotency-Key and the
 * public creation API.
 */
class ReferenceServerOptionalFeaturesTest {

    @Test
    void should_answer_404_in_the_envelope_for_the_stream_when_it_is_off() {
        try (ReferenceServer server = RefClient.start(RefClient.options().withOption("event_stream", "false"))) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");
            String session = fixture.get("session_id").asString();

            Reply stream = client.send("GET", "/v1/sessions/" + session + "/events/stream", null,
                    "Authorization", RefClient.BEARER, "Accept", "text/event-stream");
            Reply threadStream = client.send("GET", "/v1/sessions/" + session + "/threads/"
                    + fixture.get("thread_id").asString() + "/stream", null, "Authorization", RefClient.BEARER);

            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.errorType()).isEqualTo("not_found_error");
            assertThat(stream.header("content-type")).startsWith("application/json");
            assertThat(threadStream.status()).isEqualTo(404);
            assertThat(client.get("/v1/sessions/" + session + "/events?limit=1").status()).isEqualTo(200);
        }
    }

    @Test
    void should_serve_the_stream_by_default() {
        try (ReferenceServer server = RefClient.start(RefClient.options())) {
            RefClient client = new RefClient(server);
            String session = client.fixture("idle_child").get("session_id").asString();
            // a HEAD is 405 only where a route exists: without the stream it would be 404
            Reply head = client.send("HEAD", "/v1/sessions/" + session + "/events/stream", null,
                    "Authorization", RefClient.BEARER);

            assertThat(head.status()).isEqualTo(405);
        }
    }

    @Test
    void should_ignore_the_idempotency_key_when_it_is_off() {
        try (ReferenceServer server = RefClient.start(RefClient.options().withIdempotency(false))) {
            RefClient client = new RefClient(server);
            JsonNode first = client.fixture("idle_child");
            JsonNode second = client.fixture("idle_child");

            Reply one = archiveWithKey(client, first, "key-1");
            Reply other = archiveWithKey(client, second, "key-1");

            assertThat(one.status()).isEqualTo(200);
            assertThat(other.status()).as("a reused key for another thread is not refused: the header is ignored")
                    .isEqualTo(200);
            assertThat(other.json().get("id").asString()).isEqualTo(second.get("thread_id").asString());
        }
    }

    @Test
    void should_refuse_a_reused_key_for_another_thread_by_default() {
        try (ReferenceServer server = RefClient.start(RefClient.options())) {
            RefClient client = new RefClient(server);
            JsonNode first = client.fixture("idle_child");
            JsonNode second = client.fixture("idle_child");

            assertThat(archiveWithKey(client, first, "key-1").status()).isEqualTo(200);
            assertThat(archiveWithKey(client, second, "key-1").status()).isEqualTo(409);
        }
    }

    @Test
    void should_take_both_switches_from_the_command_line() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(Map.of("REFERENCE_SERVER_TOKEN", RefClient.TOKEN),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        ServerOptions options = commandLine.parse(new String[] {"--event-stream", "false", "--idempotency=false"});

        assertThat(options.eventStream()).isFalse();
        assertThat(options.idempotency()).isFalse();
        assertThat(commandLine.parse(new String[0]).eventStream()).isTrue();
        assertThat(commandLine.launch(new String[] {"--event-stream", "maybe"}).exitCode()).isEqualTo(2);
    }

    @Test
    void should_answer_404_in_the_envelope_for_the_public_creation_api_when_it_is_off() {
        try (ReferenceServer server = RefClient.start(RefClient.options().withOption("public_api", "false"))) {
            RefClient client = new RefClient(server);
            String session = client.fixture("idle_child").get("session_id").asString();

            Reply agents = client.post("/v1/agents", "{\"name\":\"a\"}");
            Reply sessions = client.post("/v1/sessions", "{}");
            Reply archive = client.post("/v1/sessions/" + session + "/archive", null);

            assertThat(agents.status()).isEqualTo(404);
            assertThat(agents.errorType()).isEqualTo("not_found_error");
            assertThat(sessions.status()).isEqualTo(404);
            assertThat(archive.status()).isEqualTo(404);
            assertThat(client.get("/v1/sessions/" + session + "/threads").status()).as("the API itself stays")
                    .isEqualTo(200);
        }
    }

    @Test
    void should_take_the_public_api_switch_from_the_command_line() {
        CommandLine commandLine = new CommandLine(Map.of("REFERENCE_SERVER_TOKEN", RefClient.TOKEN),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertThat(commandLine.parse(new String[] {"--public-api", "false", "--fixture-hook=false"}).publicApi())
                .isFalse();
        assertThat(commandLine.parse(new String[0]).publicApi()).isTrue();
        assertThat(commandLine.launch(new String[] {"--public-api", "no"}).exitCode()).isEqualTo(2);
    }

    private static Reply archiveWithKey(RefClient client, JsonNode fixture, String key) {
        return client.send("POST", "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                + fixture.get("thread_id").asString() + "/archive", null,
                "Authorization", RefClient.BEARER, "Idempotency-Key", key);
    }
}
