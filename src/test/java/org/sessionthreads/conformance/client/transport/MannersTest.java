package org.sessionthreads.conformance.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.waits.Pause;
import org.sessionthreads.conformance.config.TransportLimits;

/** The run-wide caps: never more than {@code in_flight} turns at once, never faster than {@code rate}. */
class MannersTest {

    private static TransportLimits limits(int inFlight, int rate) {
        return new TransportLimits(TransportLimits.DEFAULT_BODY_LIMIT, 3, Duration.ofSeconds(1), 1, inFlight, rate);
    }

    @Test
    void should_never_hold_more_turns_than_the_in_flight_cap() throws Exception {
        Manners manners = new Manners(limits(3, 0));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    try (Manners.Turn turn = manners.take()) {
                        most.accumulateAndGet(now.incrementAndGet(), Math::max);
                        Pause.parkFor(Duration.ofMillis(2));
                        now.decrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void should_let_a_burst_of_in_flight_size_through_then_keep_to_the_rate() throws Exception {
        Manners manners = new Manners(limits(4, 50)); // 20 ms apart in the long run, bursts of 4
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            manners.take().close();
        }
        long burst = System.nanoTime() - start;
        for (int i = 0; i < 10; i++) {
            manners.take().close();
        }
        long all = System.nanoTime() - start;

        assertThat(Duration.ofNanos(burst)).isLessThan(Duration.ofMillis(15));
        assertThat(Duration.ofNanos(all)).isGreaterThanOrEqualTo(Duration.ofMillis(9 * 20));
    }

    @Test
    void should_give_every_turn_at_once_without_caps() throws Exception {
        Manners manners = Manners.none();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            manners.take().close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
