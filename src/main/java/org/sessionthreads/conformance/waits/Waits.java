package org.sessionthreads.conformance.waits;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.pollinterval.IterativePollInterval;

import org.sessionthreads.conformance.config.Timeouts;

/**
 * Every wait of the suite, configured from the profile's {@link Timeouts}:
 * a name (alias) on each, a first poll at once, then a poll interval that doubles up to ten times the profile's
 * interval, and a limit. Nothing here sleeps a fixed time and nothing changes Awaitility's global defaults.
 *
 * <pre>{@code
 * waits.until("session.thread_status_terminated for sthr_… (sse)").until(() -> seen(...));   // ≤ timeouts.event
 * waits.watching("another terminated event for sthr_…", quiet).until(() -> seen(...));     // must time out
 * }</pre>
 */
public final class Waits {
    private final Timeouts timeouts;
    private final WaitListener listener;

    public Waits(Timeouts timeouts) {
        this(timeouts, (alias, polls) -> { });
    }

    /** @param listener receives the trace of every finished wait (the report attaches it to the scenario) */
    public Waits(Timeouts timeouts, WaitListener listener) {
        this.timeouts = timeouts;
        this.listener = listener;
    }

    /** A wait for something that must happen within the profile's event timeout (the hard limit). */
    public ConditionFactory until(String alias) {
        return base(alias).atMost(timeouts.event());
    }

    /** A wait for something that must happen within {@code limit} (a stage of a longer wait). */
    public ConditionFactory until(String alias, Duration limit) {
        return base(alias).atMost(limit.isZero() || limit.isNegative() ? Duration.ofMillis(1) : limit);
    }

    /**
     * A watch for something that must NOT happen during {@code period}: the condition is "it happened", so the
     * watch ends as soon as it does (the caller reports it at once) and otherwise times out, which is the pass.
     */
    public ConditionFactory watching(String alias, Duration period) {
        return base(alias).atMost(period.isZero() ? Duration.ofMillis(1) : period);
    }

    /**
     * Polls {@code probe} until it yields a value, for at most {@code limit}; empty when it never did. For callers
     * that must not see Awaitility's types (fixture strategies waiting for a prepared state). An exception thrown by
     * {@code probe} ends the wait and propagates.
     */
    public <T> Optional<T> poll(String alias, Duration limit, Supplier<Optional<T>> probe) {
        AtomicReference<T> found = new AtomicReference<>();
        try {
            base(alias).atMost(limit).until(() -> {
                probe.get().ifPresent(found::set);
                return found.get() != null;
            });
        } catch (ConditionTimeoutException timedOut) {
            return Optional.empty();
        }
        return Optional.of(found.get());
    }

    /**
     * Lets {@code period} pass (a settle time before re-reading a target whose late effects are sought); returns
     * at once for a zero or negative period.
     */
    public void settle(String alias, Duration period) {
        if (period.isNegative() || period.isZero()) {
            return;
        }
        base(alias).pollDelay(period).atMost(period.plusSeconds(1)).until(() -> true);
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    private ConditionFactory base(String alias) {
        Duration first = timeouts.pollInterval();
        Duration ceiling = first.multipliedBy(10);
        return Awaitility.await(alias)
                .conditionEvaluationListener(new WaitTrace(alias, listener))
                .pollInSameThread() // why: exchanges are attached to the running test, which lives on this thread
                .pollDelay(Duration.ZERO)
                .pollInterval(IterativePollInterval.iterative(
                        previous -> previous.multipliedBy(2).compareTo(ceiling) > 0 ? ceiling : previous.multipliedBy(2),
                        first));
    }
}
