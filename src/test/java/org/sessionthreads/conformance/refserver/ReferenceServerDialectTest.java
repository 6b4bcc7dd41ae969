package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The reference server in each non-default dialect: thread shape, 409 type and code, re-archive. */
class ReferenceServerDialectTest {

    @Test
    void should_speak_the_cas_export() {
        try (ReferenceServer server = RefClient.start(RefClient.options().withDialect(ServerDialect.CAS))) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");

            JsonNode thread = client.archive(fixture).json();

            assertThat(thread.get("status").asString()).isEqualTo("terminated");
            assertThat(thread.get("archived_at").asString()).isNotBlank();
            assertThat(thread.has("role")).isFalse();
            assertThat(thread.has("stop_reason")).isFalse();
            assertThat(thread.has("created_by_tool_use_id")).isFalse();
            assertThat(thread.get("agent").get("model").get("id").asString()).isEqualTo("ultimate");
            assertThat(thread.get("agent").get("tools").isArray()).isTrue();
            assertThat(client.archive(fixture.get("session_id").asString(),
                    fixture.get("coordinator_thread_id").asString()).errorType()).isEqualTo("conflict_error");
        }
    }

    @Test
    void should_speak_the_forward_api() {
        ServerOptions options = RefClient.options().withDialect(ServerDialect.FORWARD)
                .withVariation(Variation.REARCHIVE_CONFLICT);
        try (ReferenceServer server = RefClient.start(options)) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");
            JsonNode before = client.thread(fixture.get("session_id").asString(), fixture.get("thread_id").asString());

            Reply archived = client.archive(fixture);
            Reply again = client.archive(fixture);
            Reply coordinator = client.archive(fixture.get("session_id").asString(),
                    fixture.get("coordinator_thread_id").asString());

            assertThat(before.has("archived_at")).as("omitted until archived").isFalse();
            assertThat(before.get("template_id").asString()).startsWith("tmpl_");
            assertThat(before.has("agent")).isFalse();
            assertThat(archived.json().get("status").asString()).isEqualTo("archived");
            assertThat(again.status()).as("re-archive is 200 whatever REARCHIVE_CONFLICT says").isEqualTo(200);
            assertThat(again.json().get("archived_at")).isEqualTo(archived.json().get("archived_at"));
            assertThat(coordinator.status()).isEqualTo(409);
            assertThat(coordinator.errorType()).isEqualTo("conflict_error");
            assertThat(coordinator.json().get("error").get("code").asString())
                    .isEqualTo("coordinator_thread_not_archivable");
        }
    }

    @Test
    void should_break_the_forward_re_archive_rule_only_under_its_fault() {
        ServerOptions options = RefClient.options().withDialect(ServerDialect.FORWARD)
                .withFault(Fault.FORWARD_REARCHIVE_CONFLICT);

        assertThat(options.rearchive()).isEqualTo(RearchiveMode.CONFLICT);
        assertThat(options.withVariation(Variation.REARCHIVE_CONFLICT).withFaults(java.util.Set.of()).rearchive())
                .as("the forward page demands 200, so the variation alone does not make it 409")
                .isEqualTo(RearchiveMode.OK);
        assertThat(RefClient.options().withOption("dialect", "forward").dialect()).isEqualTo(ServerDialect.FORWARD);
        assertThatThrownBy(() -> RefClient.options().withOption("dialect", "soap"))
                .hasMessageContaining("Unknown dialect 'soap'").hasMessageContaining("archive-page, cas, forward");
    }
}
