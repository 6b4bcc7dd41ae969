package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.sessionthreads.conformance.SuiteConfiguration;
import org.sessionthreads.conformance.waits.Pause;

/** {@code concurrency} is how many tests run at once under the suite's JUnit configuration: no more, no fewer. */
class ConcurrencyStrategyTest {
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST = new AtomicInteger();

    @Test
    void should_run_one_test_at_a_time_at_concurrency_1() {
        assertThat(mostAtOnce("1")).isEqualTo(1);
    }

    @Test
    void should_run_as_many_tests_at_once_as_concurrency_says() {
        assertThat(mostAtOnce("3")).isEqualTo(3);
    }

    private static int mostAtOnce(String concurrency) {
        RUNNING.set(0);
        MOST.set(0);
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sleepers.class))
                .configurationParameters(SuiteConfiguration.PARAMETERS)
                .configurationParameters(SuiteConfiguration.concurrency(Integer.parseInt(concurrency)))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(12));
        return MOST.get();
    }

    /** Twelve tests in two classes that each hold a slot for 150 ms. */
    static class Sleepers {
        @RepeatedTest(6)
        void holds() {
            hold();
        }

        @Nested
        class More {
            @RepeatedTest(6)
            void holds() {
                hold();
            }
        }

        static void hold() {
            MOST.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            Pause.parkFor(Duration.ofMillis(150));
            RUNNING.decrementAndGet();
        }
    }
}
