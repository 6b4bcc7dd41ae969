package org.sessionthreads.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RequestCountsTest {

    @Test
    void should_count_per_method_and_path_template_with_ids_elided() {
        RequestCounts counts = new RequestCounts();
        counts.sent("POST", URI.create("http://h/v1/sessions/sess_1/threads/sthr_1/archive"));
        counts.sent("POST", URI.create("http://h/v1/sessions/sess_2/threads/sthr_9/archive?x=1"));
        counts.sent("GET", URI.create("http://h/v1/sessions/sess_2/events?after_id=evt_1&limit=100"));
        counts.sent("GET", URI.create("http://h/v1/sessions/sess_2/events/stream"));
        counts.sent("DELETE", URI.create("http://h/_fixtures/sess_2"));

        assertThat(counts.snapshot()).containsExactly(
                java.util.Map.entry("DELETE /_fixtures/{id}", 1L),
                java.util.Map.entry("GET /v1/sessions/{id}/events", 1L),
                java.util.Map.entry("GET /v1/sessions/{id}/events/stream", 1L),
                java.util.Map.entry("POST /v1/sessions/{id}/threads/{id}/archive", 2L));
        assertThat(counts.total()).isEqualTo(5);
    }
}
