package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
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
