package org.sessionthreads.conformance.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T22:00:00Z"), ZoneOffset.UTC);

    @Test
    void should_read_seconds_and_http_dates() {
        assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 22:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 21:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void should_ignore_what_is_not_a_retry_after() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-1", clock)).isEmpty();
    }

    @Test
    void should_back_off_exponentially_up_to_eight_seconds() {
        assertThat(RetryAfter.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryAfter.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.backoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryAfter.backoff(40)).isEqualTo(Duration.ofSeconds(8));
    }
}
