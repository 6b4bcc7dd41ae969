package org.sessionthreads.conformance.waits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Timeouts;

class WaitsTest {
    private final Waits waits = new Waits(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(5), Duration.ofMillis(500)));

    @Test
    void should_poll_until_the_probe_yields_a_value() {
        AtomicInteger polls = new AtomicInteger();

        Optional<String> found = waits.poll("third poll", Duration.ofSeconds(2),
                () -> polls.incrementAndGet() == 3 ? Optional.of("ready") : Optional.empty());

        assertThat(found).contains("ready");
        assertThat(polls).hasValue(3);
    }

    @Test
    void should_be_empty_when_the_limit_passes_and_let_the_probes_exception_through() {
        assertThat(waits.poll("never", Duration.ofMillis(50), Optional::empty)).isEmpty();
        assertThatThrownBy(() -> waits.poll("broken", Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("GET … → 500");
        })).isInstanceOf(IllegalStateException.class).hasMessage("GET … → 500");
    }
}
