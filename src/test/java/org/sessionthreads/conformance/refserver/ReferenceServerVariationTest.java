package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Each conformant variation changes what it says, and only that (checked directly, no suite involved). */
class ReferenceServerVariationTest {
    private static final String TERMINATED = "session.thread_status_terminated";

    @Test
    void should_parse_variations_from_profile_options() {
        ServerOptions options = RefClient.options()
                .withOptions(Map.of("variations", "latency-150, rearchive_conflict"));

        assertThat(options.variations()).containsExactlyInAnyOrder(
                Variation.LATENCY_150, Variation.REARCHIVE_CONFLICT);
        assertThat(options.rearchive()).isEqualTo(RearchiveMode.CONFLICT);
    }

    @Test
    void should_answer_every_request_later_under_latency_150() {
        withVariation(Variation.LATENCY_150, client -> {
            long start = System.nanoTime();
            client.get("/v1/sessions/sess_unknown/threads");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        });
    }

    @Test
    void should_draw_each_delay_anew_around_its_latency_under_a_jittered_latency() {
        java.util.Set<Long> drawn = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            long delay = Variation.LATENCY_400_JITTER.nextDelayMillis();
            assertThat(delay).isBetween(200L, 600L);
            drawn.add(delay);
        }

        assertThat(drawn).hasSizeGreaterThan(50);
        assertThat(Variation.LATENCY_400.nextDelayMillis()).isEqualTo(400);
        assertThat(Variation.LATE_EVENTS.delaysAnswers()).isFalse();
    }

    @Test
    void should_queue_pending_messages_600_ms_ahead_under_a_latency_unless_asked_for_more() {
        withVariation(Variation.LATENCY_150_JITTER, client -> {
            JsonNode usual = client.fixture("child_with_pending_message");
            JsonNode asked = client.post("/_fixtures",
                    "{\"kind\":\"child_with_pending_message\",\"window_ms\":900}").json();

            assertThat(usual.get("deliver_after_ms").asLong()).isEqualTo(Variation.LATENCY_DELIVER_AFTER_MILLIS);
            assertThat(asked.get("deliver_after_ms").asLong()).isEqualTo(900);
        });
    }

    @Test
    void should_append_the_archive_events_later_under_late_events() {
        withVariation(Variation.LATE_EVENTS, client -> {
            JsonNode fixture = client.fixture("idle_child");
            JsonNode archived = client.archive(fixture).json();

            assertThat(terminatedAfter(client, fixture, archived))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.LATE_MILLIS));
        });
    }

    @Test
    void should_add_unknown_fields_to_every_object_under_extra_fields() {
        withVariation(Variation.EXTRA_FIELDS, client -> {
            JsonNode fixture = client.fixture("idle_child");
            JsonNode thread = client.archive(fixture).json();
            JsonNode page = client.get("/v1/sessions/" + sid(fixture) + "/events?limit=1").json();
            JsonNode error = client.get("/v1/sessions/sess_unknown/threads").json();

            assertThat(thread.has("x_vendor_region")).isTrue();
            assertThat(thread.get("agent").has("x_vendor_region")).isTrue();
            assertThat(page.has("x_vendor_meta")).isTrue();
            assertThat(page.get("data").get(0).has("x_vendor_meta")).isTrue();
            assertThat(error.has("x_vendor_region")).isTrue();
            assertThat(error.get("error").has("x_vendor_region")).isTrue();
        });
    }

    @Test
    void should_hand_out_ids_of_other_shapes_under_other_id_shapes() {
        withVariation(Variation.OTHER_ID_SHAPES, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");

            assertThat(sid(fixture)).matches("sess_[A-Za-z0-9]{26}");
            assertThat(tid(fixture)).matches("sthr_[A-Z2-7]{20}");
            assertThat(fixture.get("tool_use_id").asString()).matches("toolu_bdrk_01[A-Za-z0-9]{22}");
            assertThat(client.events(sid(fixture)).get(0).get("id").asString()).matches("evt_[0-9a-f]{16}");
            assertThat(client.archive(fixture).status()).isEqualTo(200);
        });
    }

    @Test
    void should_write_timestamps_in_other_precisions_and_offsets_under_timestamp_styles() {
        withVariation(Variation.TIMESTAMP_STYLES, client -> {
            JsonNode thread = client.archive(client.fixture("idle_child")).json();

            assertThat(thread.get("created_at").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\+02:00");
            assertThat(thread.get("updated_at").asString()).matches(".*\\.\\d{9}Z");
            assertThat(thread.get("archived_at").asString()).matches(".*\\.\\d{6}-05:00");
        });
    }

    @Test
    void should_page_two_items_at_a_time_under_two_item_pages() {
        withVariation(Variation.TWO_ITEM_PAGES, client -> {
            JsonNode fixture = client.fixture("idle_child");
            JsonNode page = client.get("/v1/sessions/" + sid(fixture) + "/events?limit=100").json();

            assertThat(page.get("data").size()).isEqualTo(2);
            assertThat(page.get("has_more").asBoolean()).isTrue();
            assertThat(client.events(sid(fixture))).hasSizeGreaterThan(10);
        });
    }

    @Test
    void should_surround_every_archive_with_unrelated_events_under_interleaved_events() {
        withVariation(Variation.INTERLEAVED_EVENTS, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(client.countEvents(sid(fixture), e -> e.get("type").asString().equals("agent.message")))
                    .isEqualTo(48);
            assertThat(client.countEvents(sid(fixture), e -> e.get("type").asString().equals("agent.message")
                    && e.get("session_thread_id").asString().equals(tid(fixture)))).isZero();
        });
    }

    @Test
    void should_change_only_the_envelope_details_under_error_envelope_variant() {
        withVariation(Variation.ERROR_ENVELOPE_VARIANT, client -> {
            JsonNode error = client.get("/v1/sessions/sess_unknown/threads").json();

            assertThat(error.has("request_id")).isFalse();
            assertThat(error.get("error").get("code").asString()).isEqualTo("resource_not_found");
            assertThat(error.get("error").get("type").asString()).isEqualTo("not_found_error");
        });
    }

    @Test
    void should_send_tool_result_content_as_a_string_under_tool_result_content_as_string() {
        withVariation(Variation.TOOL_RESULT_CONTENT_AS_STRING, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");
            client.archive(fixture);

            JsonNode result = client.events(sid(fixture)).stream()
                    .filter(e -> fixture.get("tool_use_id").asString().equals(e.path("tool_use_id").asString("")))
                    .filter(e -> e.get("type").asString().equals("agent.tool_result")).findFirst().orElseThrow();
            assertThat(result.get("content").asString()).isEqualTo("Agent cancelled.");
        });
    }

    @Test
    void should_echo_the_authorization_header_under_echo_credentials() {
        withVariation(Variation.ECHO_CREDENTIALS, client -> {
            Reply reply = client.post("/_fixtures", "{\"kind\":\"idle_child\"}");

            assertThat(reply.header("x-echoed-authorization")).isEqualTo(RefClient.BEARER);
            assertThat(reply.json().get("echoed_authorization").asString()).isEqualTo(RefClient.BEARER);
        });
    }

    @Test
    void should_pace_requests_fixtures_and_events_like_a_deployment_under_deployment_pace() {
        withVariation(Variation.DEPLOYMENT_PACE, client -> {
            long start = System.nanoTime();
            client.get("/v1/sessions/sess_unknown/threads");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.DEPLOYMENT_REQUEST_MILLIS));

            long asked = System.nanoTime();
            JsonNode fixture = client.fixture("idle_child");
            assertThat(Duration.ofNanos(System.nanoTime() - asked))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.DEPLOYMENT_FIXTURE_MILLIS));

            JsonNode archived = client.archive(fixture).json();
            assertThat(terminatedAfter(client, fixture, archived))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.DEPLOYMENT_EVENT_MILLIS));
        });
    }

    @Test
    void should_end_with_an_empty_page_after_a_full_one_under_has_more_on_full_pages() {
        withVariation(Variation.HAS_MORE_ON_FULL_PAGES, client -> {
            JsonNode fixture = client.fixture("idle_child");
            String threads = "/v1/sessions/" + sid(fixture) + "/threads?limit=3";

            JsonNode full = client.get(threads).json();
            JsonNode last = client.get(threads + "&page=" + full.get("next_page").asString()).json();

            assertThat(full.get("data").size()).isEqualTo(3); // the coordinator and its two children: all there is
            assertThat(full.get("has_more").asBoolean()).isTrue();
            assertThat(last.get("data").size()).isZero();
            assertThat(last.get("has_more").asBoolean()).isFalse();
            assertThat(last.get("first_id").isNull()).isTrue();
            assertThat(last.get("last_id").isNull()).isTrue();
            assertThat(last.get("next_page").isNull()).isTrue();
        });
    }

    @Test
    @Timeout(30)
    void should_frame_events_in_other_sse_spellings_under_sse_framing_variants() {
        withVariation(Variation.SSE_FRAMING_VARIANTS, client -> {
            JsonNode fixture = client.fixture("idle_child");
            List<JsonNode> history = client.events(sid(fixture));

            String text = readStream(client, "/v1/sessions/" + sid(fixture) + "/events/stream",
                    history.get(0).get("id").asString(), history.size() - 1);

            assertThat(text).startsWith(": stream open\r\nretry: 1500\r\n\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
            assertThat(text).contains("\r\nevent:" + history.get(1).get("type").asString() + "\r\nid:"
                    + history.get(1).get("id").asString() + "\r\ndata:{\r\n");
            List<JsonNode> events = sseEvents(text);
            assertThat(events).hasSize(history.size() - 1);
            assertThat(events.get(0)).isEqualTo(history.get(1));
        });
    }

    @Test
    void should_end_every_stream_after_one_event_under_one_event_per_stream() {
        withVariation(Variation.ONE_EVENT_PER_STREAM, client -> {
            JsonNode fixture = client.fixture("idle_child");
            List<JsonNode> history = client.events(sid(fixture));
            String path = "/v1/sessions/" + sid(fixture) + "/events/stream";

            try (SseReader replay = SseReader.open(client, path, "Last-Event-ID", history.get(0).get("id").asString());
                 SseReader live = SseReader.open(client, path)) {
                client.archive(fixture);

                await().atMost(Duration.ofSeconds(10)).until(() -> replay.finished() && live.finished());
                assertThat(replay.events()).containsExactly(history.get(1));
                assertThat(live.events()).singleElement()
                        .satisfies(event -> assertThat(event.get("type").asString()).isEqualTo(TERMINATED));
            }
        });
    }

    @Test
    void should_write_every_timestamp_minutes_behind_under_clock_behind() {
        withVariation(Variation.CLOCK_BEHIND, client -> {
            JsonNode fixture = client.fixture("idle_child");
            JsonNode thread = client.archive(fixture).json();
            Instant now = Instant.now();

            Duration behind = Duration.ofMinutes(Variation.CLOCK_BEHIND_MINUTES);
            for (String field : List.of("created_at", "updated_at", "archived_at")) {
                assertThat(Duration.between(Instant.parse(thread.get(field).asString()), now))
                        .as(field).isBetween(behind.minusSeconds(30), behind.plusSeconds(30));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture))) == 1);
            JsonNode event = client.events(sid(fixture)).stream().filter(ofType(TERMINATED, tid(fixture)))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(Instant.parse(event.get("processed_at").asString()), now))
                    .isBetween(behind.minusSeconds(30), behind.plusSeconds(30));
        });
    }

    @Test
    void should_unblock_the_coordinator_after_the_terminated_event_under_async_coordinator_resume() {
        withVariation(Variation.ASYNC_COORDINATOR_RESUME, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");
            String coordinator = FixtureIds.coordinator(fixture);
            JsonNode archived = client.archive(fixture).json();

            await().atMost(Duration.ofSeconds(10)).until(() -> fromTerminated(client, fixture).size() == 5);
            List<JsonNode> after = fromTerminated(client, fixture);
            assertThat(after).extracting(e -> e.get("type").asString()).containsExactly(TERMINATED,
                    "agent.tool_result", "session.thread_status_running", "agent.message",
                    "session.thread_status_idle");
            Instant archivedAt = Instant.parse(archived.get("archived_at").asString());
            assertThat(Duration.between(archivedAt, processedAt(after.get(1))))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.RESUME_AFTER_MILLIS));
            assertThat(Duration.between(processedAt(after.get(2)), processedAt(after.get(4))))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Variation.RESUMED_TURN_MILLIS));
            assertThat(after.subList(1, 5)).allSatisfy(
                    e -> assertThat(e.get("session_thread_id").asString()).isEqualTo(coordinator));
        });
    }

    /** The session's events from the archived child's terminated event on. */
    private static List<JsonNode> fromTerminated(RefClient client, JsonNode fixture) {
        return client.events(sid(fixture)).stream().dropWhile(e -> !ofType(TERMINATED, tid(fixture)).test(e)).toList();
    }

    private static Instant processedAt(JsonNode event) {
        return Instant.parse(event.get("processed_at").asString());
    }

    /**
     * The raw text of an event stream resumed after {@code lastEventId}, read until {@code frames} event frames
     * (frames with an {@code id:} field) have arrived.
     */
    private static String readStream(RefClient client, String path, String lastEventId, int frames) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.origin() + path))
                .header("Authorization", RefClient.BEARER).header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastEventId).build();
        try (InputStream body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream())
                .body()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String text = "";
            byte[] buffer = new byte[8192];
            while (text.split("\r\nid:", -1).length - 1 < frames || !text.endsWith("\r\n\r\n")) {
                int read = body.read(buffer);
                if (read < 0) {
                    break;
                }
                bytes.write(buffer, 0, read);
                text = bytes.toString(StandardCharsets.UTF_8);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The events of a text/event-stream body read as the format says (WHATWG HTML, server-sent events): lines end
     * in CRLF, LF or CR; a colon first makes a comment; one space after the field's colon is dropped; the
     * {@code data} lines of a frame are joined with LF; a blank line ends the frame.
     */
    private static List<JsonNode> sseEvents(String text) {
        List<JsonNode> events = new ArrayList<>();
        List<String> data = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(RefClient.parse(String.join("\n", data)));
                }
                data.clear();
            } else if (line.startsWith("data:")) {
                String value = line.substring("data:".length());
                data.add(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        return events;
    }

    /**
     * How long after the archive the terminated event was appended, both read off the server's clock (the event's
     * {@code processed_at} against the answer's {@code archived_at}): a delay that a loaded machine cannot fake or
     * hide, unlike a "not there yet" read right after the answer.
     */
    private static Duration terminatedAfter(RefClient client, JsonNode fixture, JsonNode archived) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture))) == 1);
        JsonNode event = client.events(sid(fixture)).stream().filter(ofType(TERMINATED, tid(fixture))).findFirst()
                .orElseThrow();
        return Duration.between(Instant.parse(archived.get("archived_at").asString()),
                Instant.parse(event.get("processed_at").asString()));
    }

    private static void withVariation(Variation variation, Consumer<RefClient> check) {
        RefClient.withServer(RefClient.options().withVariation(variation), check);
    }
}
