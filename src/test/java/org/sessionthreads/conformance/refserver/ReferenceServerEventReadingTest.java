package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The event-list parameters the harness uses to read less (order, types) and the hook's {@code last_event_id},
 * and the variations of a target with a huge history or without those parameters (docs/event-reading.md).
 */
class ReferenceServerEventReadingTest {
    private static final String TERMINATED = "session.thread_status_terminated";

    @Test
    void should_name_the_newest_event_in_the_hook_answer_and_list_it_first_newest_first() {
        with(RefClient.options(), client -> {
            JsonNode fixture = client.fixture("idle_child");
            String sid = fixture.get("session_id").asString();
            JsonNode newest = client.get("/v1/sessions/" + sid + "/events?limit=1&order=desc").json();
            JsonNode after = client.get("/v1/sessions/" + sid + "/events?limit=1&after_id="
                    + fixture.get("last_event_id").asString()).json();

            assertThat(newest.get("data").get(0).get("id").asString())
                    .isEqualTo(fixture.get("last_event_id").asString());
            assertThat(newest.get("has_more").asBoolean()).isTrue();
            assertThat(after.get("data")).isEmpty();
            assertThat(client.get("/v1/sessions/" + sid + "/events?order=sideways").status()).isEqualTo(400);
        });
    }

    @Test
    void should_put_a_huge_history_before_the_fixture_and_between_the_archive_and_its_event() {
        with(RefClient.options().withVariation(Variation.HUGE_HISTORY), client -> {
            JsonNode fixture = client.fixture("idle_child");
            String sid = fixture.get("session_id").asString();
            String mark = fixture.get("last_event_id").asString();
            client.archive(fixture);
            JsonNode unfiltered = client.get("/v1/sessions/" + sid + "/events?limit=100&after_id=" + mark).json();
            JsonNode filtered = client.get("/v1/sessions/" + sid + "/events?limit=100&after_id=" + mark
                    + "&types=" + TERMINATED).json();
            JsonNode first = client.get("/v1/sessions/" + sid + "/events?limit=100").json();

            assertThat(unfiltered.get("data")).hasSize(100)
                    .allSatisfy(e -> assertThat(e.get("type").asString()).isEqualTo("agent.message"));
            assertThat(filtered.get("data")).hasSize(1);
            assertThat(filtered.get("data").get(0).get("session_thread_id").asString())
                    .isEqualTo(fixture.get("thread_id").asString());
            assertThat(first.get("data")).extracting(e -> e.get("type").asString()).contains("agent.message");
            String last = first.get("last_id").asString();
            assertThat(client.get("/v1/sessions/" + sid + "/events?limit=2&after_id=" + last).json().get("data"))
                    .hasSize(2);
        });
    }

    @Test
    void should_ignore_order_and_types_under_list_filters_ignored() {
        with(RefClient.options().withVariation(Variation.LIST_FILTERS_IGNORED), client -> {
            String sid = client.fixture("idle_child").get("session_id").asString();
            JsonNode oldest = client.get("/v1/sessions/" + sid + "/events?limit=1").json();
            JsonNode desc = client.get("/v1/sessions/" + sid + "/events?limit=1&order=desc").json();
            JsonNode typed = client.get("/v1/sessions/" + sid + "/events?limit=100&types=" + TERMINATED).json();

            assertThat(desc.get("data").get(0).get("id")).isEqualTo(oldest.get("data").get(0).get("id"));
            assertThat(typed.get("data")).extracting(e -> e.get("type").asString()).doesNotContain(TERMINATED);
        });
    }

    @Test
    void should_answer_400_to_order_and_types_under_list_filters_rejected() {
        with(RefClient.options().withVariation(Variation.LIST_FILTERS_REJECTED), client -> {
            String sid = client.fixture("idle_child").get("session_id").asString();

            assertThat(client.get("/v1/sessions/" + sid + "/events?limit=1&order=desc").status()).isEqualTo(400);
            assertThat(client.get("/v1/sessions/" + sid + "/events?types=" + TERMINATED).status()).isEqualTo(400);
            assertThat(client.get("/v1/sessions/" + sid + "/events?limit=1").status()).isEqualTo(200);
        });
    }

    private static void with(ServerOptions options, Consumer<RefClient> check) {
        try (ReferenceServer server = RefClient.start(options)) {
            check.accept(new RefClient(server));
        }
    }
}
