package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaRegistryTest {

    @Test
    void should_compile_every_named_schema_with_its_refs_from_the_classpath() {
        SchemaRegistry registry = new SchemaRegistry();

        // "{}" reaches every schema's root keywords; a $ref that did not resolve would throw here
        assertThat(Schemas.all()).allSatisfy(schema -> assertThat(registry.validate(schema, "{}")).isNotEmpty());
    }

    @Test
    void should_fail_loudly_when_a_schema_file_is_missing() {
        SchemaRegistry registry = new SchemaRegistry();

        assertThatIllegalStateException()
                .isThrownBy(() -> registry.validate(new SchemaRef("no-such.schema.json"), "{}"))
                .withMessageContaining("no-such.schema.json")
                .withMessageContaining("schemas/no-such.schema.json");
    }

    @Test
    void should_refuse_schema_files_outside_the_schemas_directory() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SchemaRef("../pom.xml"));
        assertThatIllegalArgumentException().isThrownBy(() -> new SchemaRef("/etc/passwd"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "<!DOCTYPE html><html></html>", "{\"type\":\"error\"", "{\"a\":1} trailing", "null x"})
    void should_report_a_body_that_is_not_json_instead_of_throwing(String body) {
        assertThat(Examples.REGISTRY.validate(Schemas.SESSION_THREAD, body))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEmpty();
                    assertThat(v.message()).startsWith("body is not JSON: ").hasSizeLessThan(160);
                });
    }

    @Test
    void should_render_violations_with_path_keyword_and_schema() {
        List<SchemaViolation> violations = Examples.REGISTRY.validate(Schemas.SESSION_THREAD,
                Examples.archiveResponseWith(t -> t.remove("archived_at")));

        assertThat(violations).map(SchemaViolation::toString).containsExactly(
                "$.archived_at: required property missing (keyword required, schema session-thread.schema.json)");
    }

    @Test
    void should_render_pointers_as_dollar_paths() {
        assertThat(new SchemaViolation("s", "", "type", "m").path()).isEqualTo("$");
        assertThat(new SchemaViolation("s", "/agent/id", "pattern", "m").path()).isEqualTo("$.agent.id");
        assertThat(new SchemaViolation("s", "/data/0/a~1b", "type", "m").path()).isEqualTo("$.data[0]['a/b']");
    }

    @Test
    void should_give_the_same_answers_when_shared_by_eight_threads() throws Exception {
        SchemaRegistry shared = new SchemaRegistry(); // fresh, so the threads also race to compile
        Map<SchemaRef, String> bodies = Map.of(
                Schemas.SESSION_THREAD, Examples.archiveResponseWith(t -> t.put("role", "parent")),
                Schemas.ERROR_ENVELOPE, "{\"type\":\"err\",\"error\":{\"type\":\"x\",\"message\":\"m\"}}",
                Schemas.EVENT_THREAD_STATUS_TERMINATED, "{\"id\":\"evt_1\",\"type\":\"x\"}",
                Schemas.FIXTURE_RESPONSE, "{\"kind\":\"waiting_coordinator\"}",
                Schemas.LIST_PAGE, "<html>");
        Map<SchemaRef, List<SchemaViolation>> expected = new HashMap<>();
        bodies.forEach((schema, body) -> expected.put(schema, new SchemaRegistry().validate(schema, body)));

        List<Callable<Boolean>> work = new ArrayList<>();
        IntStream.range(0, 8).forEach(worker -> work.add(() -> IntStream.range(0, 50).allMatch(round ->
                bodies.entrySet().stream().allMatch(e ->
                        shared.validate(e.getKey(), e.getValue()).equals(expected.get(e.getKey()))))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = pool.invokeAll(work, 60, TimeUnit.SECONDS);
            for (Future<Boolean> result : results) {
                assertThat(result.get()).as("a worker saw a different answer").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.values()).allSatisfy(violations -> assertThat(violations).isNotEmpty());
    }
}
