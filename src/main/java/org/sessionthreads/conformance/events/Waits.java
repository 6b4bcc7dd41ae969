package org.sessionthreads.conformance.events;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.pollinterval.IterativePollInterval;

import org.sessionthreads.conformance.config.Timeouts;

/**
 * Every wait of the suite, configured from the profile's {@link Timeouts}: a name (alias) on each, a first poll
 * at once, then a poll interval that doubles up to ten times the profile's interval, and a hard limit. Nothing here
 * sleeps a fixed time and nothing changes Awaitility's global defaults.
 */
public final class Waits {
    private final Timeouts timeouts;

    public Waits(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** A wait for something that must happen within the profile's event timeout. */
    public ConditionFactory until(String alias) {
        return base(alias).atMost(timeouts.event());
    }

    /** A wait that watches for {@code period} that something does NOT happen (Awaitility's {@code during}). */
    public ConditionFactory throughout(String alias, Duration period) {
        return base(alias).during(period).atMost(period.plus(timeouts.event()));
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    private ConditionFactory base(String alias) {
        Duration first = timeouts.pollInterval();
        Duration ceiling = first.multipliedBy(10);
        return Awaitility.await(alias)
                .pollInSameThread() // why: exchanges are attached to the running test, which lives on this thread
                .pollDelay(Duration.ZERO)
                .pollInterval(IterativePollInterval.iterative(
                        previous -> previous.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : previous.multipliedBy(2),
                        first));
    }
}
