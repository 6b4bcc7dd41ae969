package org.sessionthreads.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExchangeTest {
    private final Exchange exchange = new Exchange("POST", "http://127.0.0.1:1/v1/sessions/sess_a/threads/sthr_b/archive",
            Map.of("Authorization", List.of("Bearer [REDACTED]"), "x-request-id", List.of("conformance-1")), "",
            409, Map.of(), "{}", Instant.EPOCH, Duration.ofMillis(3), "conformance-1", null, true);

    @Test
    void should_summarise_method_url_status_and_request_id() {
        assertThat(exchange.summary()).isEqualTo(
                "POST http://127.0.0.1:1/v1/sessions/sess_a/threads/sthr_b/archive → 409 (request_id conformance-1, 3 ms)");
    }
}
