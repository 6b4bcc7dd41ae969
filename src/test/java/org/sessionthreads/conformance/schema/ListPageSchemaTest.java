package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sessionthreads.conformance.schema.Examples.REGISTRY;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListPageSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":[{\"id\":\"sthr_1\"}],\"first_id\":\"sthr_1\",\"last_id\":\"sthr_1\",\"has_more\":false}",
        "{\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false,\"next_page\":null}",
        "{\"data\":[1,2],\"first_id\":\"evt_1\",\"last_id\":\"evt_2\",\"has_more\":true,\"next_page\":\"cGFnZTI=\",\"x\":1}"
    })
    void should_accept_documented_pages(String body) {
        assertThat(REGISTRY.validate(Schemas.LIST_PAGE, body)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        data missing          | {"first_id":null,"last_id":null,"has_more":false}                  | /data      | required
        data an object        | {"data":{},"first_id":null,"last_id":null,"has_more":false}        | /data      | type
        has_more a string     | {"data":[],"first_id":null,"last_id":null,"has_more":"false"}      | /has_more  | type
        last_id missing       | {"data":[],"first_id":null,"has_more":false}                       | /last_id   | required
        next_page a number    | {"data":[],"first_id":null,"last_id":null,"has_more":false,"next_page":2} | /next_page | type
        """)
    void should_reject_a_broken_page(String change, String body, String pointer, String keyword) {
        assertThat(REGISTRY.validate(Schemas.LIST_PAGE, body))
                .as(change)
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple(pointer, keyword));
    }
}
