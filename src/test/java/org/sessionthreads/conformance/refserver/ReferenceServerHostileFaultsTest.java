package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionthreads.conformance.refserver.RefClient.withFault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.sessionthreads.conformance.refserver.http.ArchiveThreadHandler;

/** The hostile-answer faults, each checked directly against the server (no suite involved). */
class ReferenceServerHostileFaultsTest {

    @Test
    void should_send_a_byte_that_is_not_utf8_under_archive_body_invalid_utf8() {
        withFault(Fault.ARCHIVE_BODY_INVALID_UTF8, client -> {
            byte[] body = archiveBytes(client);
            String text = new String(body, StandardCharsets.ISO_8859_1);

            assertThat(text).contains("\"name\":\"w\u00c3(r\"");
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("\uFFFD");
        });
    }

    @Test
    void should_nest_metadata_100000_deep_under_deeply_nested_body() {
        withFault(Fault.DEEPLY_NESTED_BODY, client -> {
            String text = new String(archiveBytes(client), StandardCharsets.UTF_8);

            assertThat(text).contains("\"metadata\":" + "[".repeat(ArchiveThreadHandler.NESTING) + "]");
        });
    }

    @Test
    void should_label_the_archive_answer_text_plain_under_archive_body_as_text_plain() {
        withFault(Fault.ARCHIVE_BODY_AS_TEXT_PLAIN, client -> {
            Reply reply = client.archive(client.fixture("idle_child"));

            assertThat(reply.header("Content-Type")).startsWith("text/plain");
            assertThat(reply.json().get("status").asString()).isEqualTo("archived");
            assertThat(client.get("/v1/sessions/sess_none/threads/sthr_none").header("Content-Type"))
                    .isEqualTo("application/json");
        });
    }

    @Test
    void should_cut_the_event_list_under_event_list_garbage() {
        withFault(Fault.EVENT_LIST_GARBAGE, client -> {
            JsonNode fixture = client.fixture("idle_child");
            Reply reply = client.get("/v1/sessions/" + fixture.get("session_id").asString() + "/events");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).startsWith("{\"data\":[").doesNotEndWith("}");
        });
    }

    @Test
    void should_send_garbage_frames_and_close_under_event_stream_garbage() throws Exception {
        withFault(Fault.EVENT_STREAM_GARBAGE, client -> {
            JsonNode fixture = client.fixture("idle_child");
            HttpResponse<String> stream = send(client, HttpRequest.newBuilder(URI.create(client.origin()
                            + "/v1/sessions/" + fixture.get("session_id").asString() + "/events/stream"))
                    .header("Authorization", RefClient.BEARER).GET().build());

            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).contains("data: <html>").contains("data: {\"id\":\"evt_trunc\n")
                    .doesNotContain("session.thread_created");
        });
    }

    @Test
    void should_break_the_fixture_hook_under_the_hook_faults() {
        withFault(Fault.FIXTURE_HOOK_500, client -> {
            Reply reply = client.post("/_fixtures", "{\"kind\":\"idle_child\"}");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.errorType()).isEqualTo("api_error");
        });
        withFault(Fault.FIXTURE_HOOK_HTML, client -> {
            Reply reply = client.post("/_fixtures", "{\"kind\":\"idle_child\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/html");
            assertThat(reply.body()).startsWith("<!doctype html>");
        });
        withFault(Fault.FIXTURE_HOOK_BAD_SCHEMA, client -> {
            Reply reply = client.post("/_fixtures", "{\"kind\":\"idle_child\"}");

            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.json().has("session_id")).isTrue();
            assertThat(reply.json().has("thread_id")).isFalse();
        });
    }

    @Test
    void should_declare_no_requirement_for_faults_whose_verdict_is_error() {
        assertThat(Fault.EVENT_STREAM_GARBAGE.breaks()).isEmpty();
        assertThat(Fault.EVENT_STREAM_GARBAGE.expectedError()).contains("event stream broken");
        assertThat(Fault.ARCHIVE_BODY_INVALID_UTF8.expectedError()).isEmpty();
    }

    private static byte[] archiveBytes(RefClient client) {
        JsonNode fixture = client.fixture("idle_child");
        HttpResponse<byte[]> answer = sendBytes(client, HttpRequest.newBuilder(URI.create(client.origin()
                        + "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                        + fixture.get("thread_id").asString() + "/archive"))
                .header("Authorization", RefClient.BEARER).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static HttpResponse<String> send(RefClient client, HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> sendBytes(RefClient client, HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
