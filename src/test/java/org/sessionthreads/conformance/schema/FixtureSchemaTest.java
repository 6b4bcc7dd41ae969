package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sessionthreads.conformance.schema.Examples.REGISTRY;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixtureSchemaTest {

    private static final String IDS =
            "\"session_id\":\"sess_1a\",\"coordinator_thread_id\":\"sthr_1a\",\"thread_id\":\"sthr_2b\"";

    @ParameterizedTest
    @ValueSource(strings = {"idle_child", "running_child", "waiting_coordinator", "child_with_pending_message"})
    void should_accept_a_request_for_each_kind(String kind) {
        assertThat(REGISTRY.validate(Schemas.FIXTURE_REQUEST, "{\"kind\":\"" + kind + "\"}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\":\"idle-child\"}", "{}", "{\"kind\":null}"})
    void should_reject_a_request_without_a_known_kind(String body) {
        assertThat(REGISTRY.validate(Schemas.FIXTURE_REQUEST, body))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.pointer()).isEqualTo("/kind"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kind\":\"idle_child\"," + IDS + "}",
        "{\"kind\":\"running_child\"," + IDS + "}",
        "{\"kind\":\"waiting_coordinator\"," + IDS + ",\"tool_use_id\":\"toolu_bdrk_01T42NPLcKrBvLJfWgGt3QMt\"}",
        "{\"kind\":\"child_with_pending_message\"," + IDS + ",\"deliver_after_ms\":300}",
        "{\"kind\":\"child_with_pending_message\"," + IDS + ",\"deliver_after_ms\":5000,\"x_note\":\"extra\"}",
        "{\"kind\":\"idle_child\"," + IDS + ",\"last_event_id\":\"evt_01a2b3\"}",
        "{\"kind\":\"idle_child\"," + IDS + ",\"last_event_id\":null}"
    })
    void should_accept_a_response_for_each_kind(String body) {
        assertThat(REGISTRY.validate(Schemas.FIXTURE_RESPONSE, body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"sthr_1a\"", "42", "\"\""})
    void should_reject_a_last_event_id_that_is_no_event_id(String value) {
        assertThat(REGISTRY.validate(Schemas.FIXTURE_RESPONSE,
                "{\"kind\":\"idle_child\"," + IDS + ",\"last_event_id\":" + value + "}"))
                .isNotEmpty().allSatisfy(v -> assertThat(v.pointer()).isEqualTo("/last_event_id"));
    }

    static Stream<Arguments> responsesWithOneViolation() {
        return Stream.of(
                Arguments.of("waiting_coordinator without tool_use_id",
                        "{\"kind\":\"waiting_coordinator\"," + IDS + "}", "/tool_use_id", "required"),
                Arguments.of("child_with_pending_message delivered too soon",
                        "{\"kind\":\"child_with_pending_message\"," + IDS + ",\"deliver_after_ms\":100}",
                        "/deliver_after_ms", "minimum"),
                Arguments.of("child_with_pending_message without deliver_after_ms",
                        "{\"kind\":\"child_with_pending_message\"," + IDS + "}", "/deliver_after_ms", "required"),
                Arguments.of("a thread_id from the wrong family",
                        "{\"kind\":\"idle_child\",\"session_id\":\"sess_1a\",\"coordinator_thread_id\":\"sthr_1a\","
                                + "\"thread_id\":\"sess_2b\"}", "/thread_id", "pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responsesWithOneViolation")
    void should_reject_a_response_with_exactly_the_one_violation_it_has(String name, String body, String pointer,
                                                                        String keyword) {
        assertThat(REGISTRY.validate(Schemas.FIXTURE_RESPONSE, body))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple(pointer, keyword));
    }
}
