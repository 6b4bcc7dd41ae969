package org.sessionthreads.conformance.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Dialect;

class DialectGuessTest {
    private static final String ARCHIVE_PAGE = "{\"id\":\"sthr_1\",\"role\":\"child\",\"status\":\"archived\","
            + "\"stop_reason\":{\"type\":\"archive\"},\"agent\":{\"id\":\"agent_1\",\"type\":\"agent\"}}";
    private static final String CAS = "{\"id\":\"sthr_1\",\"status\":\"terminated\",\"stats\":null,"
            + "\"archived_at\":\"2026-06-23T06:00:00.000Z\",\"agent\":{\"id\":\"agent_1\",\"model\":{\"id\":\"u\"}}}";
    private static final String FORWARD = "{\"id\":\"sthr_1\",\"template_id\":\"tmpl_worker\",\"role\":\"child\","
            + "\"status\":\"archived\",\"stop_reason\":{\"type\":\"archive\"}}";

    @Test
    void names_the_dialect_a_thread_looks_like() {
        assertThat(DialectGuess.of(CAS)).map(DialectGuess::dialect).contains(Dialect.CAS);
        assertThat(DialectGuess.of(FORWARD)).map(DialectGuess::dialect).contains(Dialect.FORWARD);
        assertThat(DialectGuess.of(ARCHIVE_PAGE)).map(DialectGuess::dialect).contains(Dialect.ARCHIVE_PAGE);
        assertThat(DialectGuess.mismatch(CAS, Dialect.ARCHIVE_PAGE)).get().extracting(DialectGuess::advice)
                .asString().contains("status `terminated` and no `role`")
                .endsWith("this looks like the cas dialect; set dialect: cas");
    }

    @Test
    void says_nothing_for_its_own_dialect_an_unclear_body_or_no_json() {
        assertThat(DialectGuess.mismatch(CAS, Dialect.CAS)).isEmpty();
        assertThat(DialectGuess.of("{\"id\":\"sthr_1\",\"status\":\"idle\",\"role\":\"child\"}")).isEmpty();
        assertThat(DialectGuess.of("<html>")).isEmpty();
        assertThat(DialectGuess.of("[1]")).isEmpty();
        assertThat(DialectGuess.of(null)).isEmpty();
    }

    @Test
    void names_the_dialect_a_409_looks_like() {
        assertThat(DialectGuess.conflictMismatch("{\"type\":\"error\",\"error\":{\"type\":\"conflict_error\","
                + "\"code\":\"thread_not_idle\",\"message\":\"m\"}}", Dialect.ARCHIVE_PAGE)).map(DialectGuess::dialect)
                .contains(Dialect.FORWARD);
        assertThat(DialectGuess.conflictMismatch("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"message\":\"m\"}}", Dialect.FORWARD)).map(DialectGuess::dialect).contains(Dialect.ARCHIVE_PAGE);
        assertThat(DialectGuess.ofConflict("{\"error\":{\"type\":\"conflict_error\"}}")).isEmpty();
    }

    @Test
    void each_dialect_s_schema_takes_its_own_thread_and_refuses_the_others_where_they_differ() {
        SchemaRegistry registry = new SchemaRegistry();
        String cas = "{\"id\":\"sthr_1\",\"type\":\"session_thread\",\"session_id\":\"sess_1\",\"status\":\"terminated\","
                + "\"archived_at\":\"2026-06-23T06:00:00.000Z\",\"created_at\":\"2026-06-23T05:53:19.774840Z\","
                + "\"updated_at\":\"2026-06-23T06:00:00.000Z\",\"stats\":null,\"agent\":{\"id\":\"agent_1\","
                + "\"type\":\"agent\",\"model\":{\"id\":\"ultimate\",\"effective_context_window\":200000},"
                + "\"tools\":[],\"skills\":[],\"mcp_servers\":[]}}";
        String forward = "{\"id\":\"sthr_child_xxx\",\"type\":\"session_thread\",\"session_id\":\"sess_xxx\","
                + "\"parent_thread_id\":\"sthr_coordinator_xxx\",\"template_id\":\"tmpl_worker\",\"name\":\"research\","
                + "\"role\":\"child\",\"status\":\"archived\",\"stop_reason\":{\"type\":\"archive\"},"
                + "\"created_by_tool_use_id\":\"toolu_xxx\",\"archived_at\":\"2026-06-22T12:00:00Z\","
                + "\"created_at\":\"2026-06-22T11:00:00Z\",\"updated_at\":\"2026-06-22T12:00:00Z\"}";

        assertThat(registry.validate(Schemas.sessionThread(Dialect.CAS), cas)).isEmpty();
        assertThat(registry.validate(Schemas.sessionThread(Dialect.FORWARD), forward)).isEmpty();
        assertThat(registry.validate(Schemas.SESSION_THREAD, cas)).isNotEmpty();
        assertThat(registry.validate(Schemas.sessionThread(Dialect.FORWARD), cas)).isNotEmpty();
        assertThat(registry.validate(Schemas.sessionThread(Dialect.CAS), cas.replace("\"2026-06-23T06:00:00.000Z\",\"created",
                "\"\",\"created"))).as("archived_at empty").isNotEmpty();
        assertThat(registry.validate(Schemas.sessionThread(Dialect.CAS), cas)).isEmpty();
    }
}
