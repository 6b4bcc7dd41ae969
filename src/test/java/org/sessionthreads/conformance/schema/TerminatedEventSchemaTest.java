package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sessionthreads.conformance.schema.Examples.REGISTRY;
import static org.sessionthreads.conformance.schema.Examples.edited;
import static org.sessionthreads.conformance.schema.Examples.object;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class TerminatedEventSchemaTest {

    /** Old-CAS style: created_at, status, schema_version (api-digest §4a); stop_reason as the archive page promises. */
    static final String OLD_STYLE = """
        {"id":"evt_019f00000000000000000000000001ff","type":"session.thread_status_terminated",
         "schema_version":"1.0","session_id":"sess_019f00000000000000000000000000aa",
         "session_thread_id":"sthr_019f00000000000000000000000002bb","status":"archived",
         "stop_reason":{"type":"archive"},"created_at":"2026-06-15T08:10:00.000Z"}
        """;
    /** New-CAS style: processed_at and agent_name, no created_at (api-digest §4b). */
    static final String NEW_STYLE = """
        {"agent_name":"Research Agent","id":"evt_00jjujk9fbnr4wkj2gh8","processed_at":"2026-06-15T08:10:00.120513Z",
         "session_thread_id":"sthr_019f00000000000000000000000002bb","stop_reason":{"type":"archive"},
         "type":"session.thread_status_terminated"}
        """;

    @Test
    void should_accept_a_terminated_event_in_either_documented_shape() {
        assertThat(REGISTRY.validate(Schemas.EVENT_THREAD_STATUS_TERMINATED, OLD_STYLE)).isEmpty();
        assertThat(REGISTRY.validate(Schemas.EVENT_THREAD_STATUS_TERMINATED, NEW_STYLE)).isEmpty();
    }

    @Test
    void should_accept_a_terminated_event_as_an_event() {
        assertThat(REGISTRY.validate(Schemas.EVENT, OLD_STYLE)).isEmpty();
        assertThat(REGISTRY.validate(Schemas.EVENT, NEW_STYLE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void should_reject_a_broken_terminated_event(String change, Consumer<ObjectNode> edit, String pointer, String keyword) {
        assertThat(REGISTRY.validate(Schemas.EVENT_THREAD_STATUS_TERMINATED, edited(OLD_STYLE, edit)))
                .as(change)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.pointer()).isEqualTo(pointer))
                .extracting(SchemaViolation::keyword)
                .contains(keyword);
    }

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                Arguments.of("stop_reason end_turn", edit(t -> object(t, "stop_reason").put("type", "end_turn")),
                        "/stop_reason/type", "const"),
                Arguments.of("stop_reason empty", edit(t -> t.putObject("stop_reason")), "/stop_reason/type", "required"),
                Arguments.of("stop_reason missing", edit(t -> t.remove("stop_reason")), "/stop_reason", "required"),
                Arguments.of("stop_reason null", edit(t -> t.putNull("stop_reason")), "/stop_reason", "type"),
                Arguments.of("id with wrong prefix", edit(t -> t.put("id", "event_019f")), "/id", "pattern"),
                Arguments.of("other event type", edit(t -> t.put("type", "session.thread_status_idle")), "/type", "const"),
                Arguments.of("session_thread_id missing", edit(t -> t.remove("session_thread_id")),
                        "/session_thread_id", "required"),
                Arguments.of("no timestamp at all", edit(t -> t.remove("created_at")), "/created_at", "required"),
                Arguments.of("created_at without zone", edit(t -> t.put("created_at", "2026-06-15T08:10:00")),
                        "/created_at", "format"));
    }

    @Test
    void should_reject_an_event_without_id_or_timestamp_against_the_generic_schema() {
        assertThat(REGISTRY.validate(Schemas.EVENT, "{\"type\":\"agent.message\"}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple("/created_at", "required"), tuple("/id", "required"));
    }

    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> edit) {
        return edit;
    }
}
