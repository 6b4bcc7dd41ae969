package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sessionthreads.conformance.schema.Examples.REGISTRY;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorEnvelopeSchemaTest {

    /** The 401 example of the Errors page (api-digest §3a): no request_id. */
    static final String UNAUTHORIZED =
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid API key or token.\"}}";

    @ParameterizedTest
    @ValueSource(strings = {
        UNAUTHORIZED,
        "{\"type\":\"error\",\"request_id\":\"7c1e2f0a-5b9d-4c3e-8f21-0a1b2c3d4e5f\","
                + "\"error\":{\"type\":\"not_found_error\",\"message\":\"Session thread 'sthr_1' was not found.\"}}",
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\",\"param\":null}}",
        "{\"type\":\"error\",\"error\":{\"type\":\"conflict_error\",\"message\":\"not idle\",\"code\":\"thread_not_idle\","
                + "\"param\":\"thread_id\",\"x_extra\":1},\"x_trace\":\"abc\"}"
    })
    void should_accept_documented_error_bodies(String body) {
        assertThat(REGISTRY.validate(Schemas.ERROR_ENVELOPE, body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        error.type missing   | {"type":"error","error":{"message":"Invalid API key or token."}}                        | /error/type    | required
        error.message missing| {"type":"error","error":{"type":"authentication_error"}}                                | /error/message | required
        type err             | {"type":"err","error":{"type":"authentication_error","message":"m"}}                   | /type          | const
        error missing        | {"type":"error","message":"Invalid API key or token."}                                   | /error         | required
        error a string       | {"type":"error","error":"authentication_error"}                                          | /error         | type
        request_id a number  | {"type":"error","request_id":42,"error":{"type":"authentication_error","message":"m"}}  | /request_id    | type
        """)
    void should_reject_a_broken_envelope(String change, String body, String pointer, String keyword) {
        assertThat(REGISTRY.validate(Schemas.ERROR_ENVELOPE, body))
                .as(change)
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple(pointer, keyword));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body><h1>502 Bad Gateway</h1></body></html>", "", "upstream connect error"})
    void should_report_a_non_json_body_as_one_violation(String body) {
        assertThat(REGISTRY.validate(Schemas.ERROR_ENVELOPE, body))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.message()).startsWith("body is not JSON: ");
                    assertThat(v.keyword()).isEqualTo(SchemaViolation.NOT_JSON);
                    assertThat(v.toString()).startsWith("$: body is not JSON").endsWith("schema error-envelope.schema.json)");
                });
    }
}
