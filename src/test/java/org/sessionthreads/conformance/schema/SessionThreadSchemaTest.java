package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sessionthreads.conformance.schema.Examples.REGISTRY;
import static org.sessionthreads.conformance.schema.Examples.archiveResponseWith;
import static org.sessionthreads.conformance.schema.Examples.object;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class SessionThreadSchemaTest {

    @Test
    void should_accept_the_archive_page_example_response() {
        assertThat(REGISTRY.validate(Schemas.SESSION_THREAD, Examples.archiveResponse())).isEmpty();
    }

    @Test
    void should_reject_the_new_cas_variant_only_for_missing_role_and_stop_reason() {
        // Deliberate (see the schema's description): the suite checks the archive page's contract,
        // whose Response Fields promise stop_reason and whose precondition is stated in terms of role.
        List<SchemaViolation> violations = REGISTRY.validate(Schemas.SESSION_THREAD, Examples.newCasArchiveResponse());

        assertThat(violations)
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple("/role", "required"), tuple("/stop_reason", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void should_reject_a_broken_copy_at_the_offending_pointer(String change, Consumer<ObjectNode> edit,
            String pointer, String keyword) {
        List<SchemaViolation> violations = REGISTRY.validate(Schemas.SESSION_THREAD, archiveResponseWith(edit));

        assertThat(violations)
                .as("violations for: %s", change)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.pointer()).isEqualTo(pointer))
                .extracting(SchemaViolation::keyword)
                .contains(keyword);
        assertThat(violations.get(0).toString()).contains("schema session-thread.schema.json");
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken("id missing", t -> t.remove("id"), "/id", "required"),
                broken("id without sthr_ prefix", t -> t.put("id", "thr_019f00000000000000000000000002bb"), "/id", "pattern"),
                broken("id is only the prefix", t -> t.put("id", "sthr_"), "/id", "pattern"),
                broken("session_id without sess_ prefix", t -> t.put("session_id", "ses_019f"), "/session_id", "pattern"),
                broken("type is not session_thread", t -> t.put("type", "thread"), "/type", "const"),
                broken("role parent", t -> t.put("role", "parent"), "/role", "enum"),
                broken("status a number", t -> t.put("status", 3), "/status", "type"),
                broken("archived_at yesterday", t -> t.put("archived_at", "yesterday"), "/archived_at", "pattern"),
                broken("archived_at missing", t -> t.remove("archived_at"), "/archived_at", "required"),
                broken("created_at missing", t -> t.remove("created_at"), "/created_at", "required"),
                broken("updated_at without time zone", t -> t.put("updated_at", "2026-06-15T08:10:00.000"), "/updated_at", "pattern"),
                broken("created_at not a calendar date", t -> t.put("created_at", "2026-02-30T08:01:00Z"), "/created_at", "format"),
                broken("created_at as epoch number", t -> t.put("created_at", 1781510460), "/created_at", "type"),
                broken("stop_reason a string", t -> t.put("stop_reason", "archive"), "/stop_reason", "type"),
                broken("stop_reason missing", t -> t.remove("stop_reason"), "/stop_reason", "required"),
                broken("stop_reason.type a number", t -> object(t, "stop_reason").put("type", 7), "/stop_reason/type", "type"),
                broken("agent.id without agent_ prefix", t -> object(t, "agent").put("id", "ag_r4nD0mId123"), "/agent/id", "pattern"),
                broken("agent.model a number", t -> object(t, "agent").put("model", 5), "/agent/model", "type"),
                broken("agent_version a string", t -> t.put("agent_version", "2"), "/agent_version", "type"),
                broken("created_by_tool_use_id tool_x", t -> t.put("created_by_tool_use_id", "tool_x"), "/created_by_tool_use_id", "pattern"),
                broken("parent_thread_id a session id", t -> t.put("parent_thread_id", "sess_019f"), "/parent_thread_id", "pattern"),
                broken("session_id missing", t -> t.remove("session_id"), "/session_id", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerableCopies")
    void should_accept_a_copy_that_differs_only_in_tolerated_ways(String change, Consumer<ObjectNode> edit) {
        assertThat(REGISTRY.validate(Schemas.SESSION_THREAD, archiveResponseWith(edit))).as(change).isEmpty();
    }

    static Stream<Arguments> tolerableCopies() {
        return Stream.of(
                tolerable("unknown fields at every level", t -> {
                    t.put("x_vendor", true);
                    object(t, "agent").putObject("x_snapshot").put("depth", 1);
                    object(t, "stop_reason").putArray("event_ids").add("evt_1");
                }),
                tolerable("ids of other length and alphabet", t -> {
                    t.put("id", "sthr_ABC-123");
                    t.put("session_id", "sess_x");
                    t.put("parent_thread_id", "sthr_coordinator_xxx");
                    object(t, "agent").put("id", "agent_a_b");
                    t.put("created_by_tool_use_id", "toolu_xxx");
                }),
                tolerable("timestamp without fraction", t -> t.put("created_at", "2026-06-22T12:00:00Z")),
                tolerable("timestamp with microseconds", t -> t.put("created_at", "2026-06-23T05:53:19.774840Z")),
                tolerable("timestamp with five fraction digits", t -> t.put("created_at", "2026-05-18T15:26:39.61669Z")),
                tolerable("timestamp with nanoseconds", t -> t.put("updated_at", "2026-05-18T03:40:48.888851795Z")),
                tolerable("timestamp with +02:00 offset", t -> t.put("archived_at", "2026-06-15T10:10:00.000+02:00")),
                tolerable("timestamp with -05:30 offset", t -> t.put("archived_at", "2026-06-15T02:40:00-05:30")),
                tolerable("coordinator nulls", t -> {
                    t.putNull("parent_thread_id");
                    t.putNull("created_by_tool_use_id");
                    t.putNull("archived_at");
                    t.putNull("stop_reason");
                    t.put("role", "coordinator");
                    t.put("name", "");
                }),
                tolerable("running thread with empty stop_reason", t -> {
                    t.put("status", "running");
                    t.putObject("stop_reason");
                }),
                tolerable("status outside the documented list", t -> t.put("status", "rescheduling")),
                tolerable("agent model as an object", t -> object(t, "agent").putObject("model").put("id", "ultimate")),
                tolerable("optional fields absent", t -> t.remove(List.of("parent_thread_id", "agent", "agent_id",
                        "agent_version", "name", "created_by_tool_use_id"))));
    }

    private static Arguments broken(String change, Consumer<ObjectNode> edit, String pointer, String keyword) {
        return Arguments.of(change, edit, pointer, keyword);
    }

    private static Arguments tolerable(String change, Consumer<ObjectNode> edit) {
        return Arguments.of(change, edit);
    }
}
