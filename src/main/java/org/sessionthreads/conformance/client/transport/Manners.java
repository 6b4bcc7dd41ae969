package org.sessionthreads.conformance.client.transport;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import org.sessionthreads.conformance.config.TransportLimits;
import org.sessionthreads.conformance.waits.Pause;

/**
 * Good manners towards the target, shared by every scenario of a run and by both HTTP doors: at most
 * {@code limits.in_flight} requests on the wire at once, and at most {@code limits.rate} requests started per
 * second. Concurrent scenarios therefore never load a target more than one well-behaved client would.
 *
 * <p>The rate is a token bucket (GCRA) of {@code in_flight} tokens: a burst as large as the in-flight cap, such as
 * a race of simultaneous archives, goes out at once when the run has been quiet, and the long-run rate stays under
 * the cap. A request waits for its turn here, before its {@link RequestGuard} clock starts, so queueing behind the
 * cap is never charged to the target as a missed deadline, and it does not count towards {@code TargetHealth}.
 * A request retried after 429/503 takes a new turn per attempt; its wait for {@code Retry-After} holds no slot.
 *
 * <p>Thread-safe. Nothing sleeps: waits park ({@link Pause}).
 */
public final class Manners {
    private final Semaphore inFlight;
    private final long intervalNanos;
    private final long burstNanos;
    private long theoreticalArrival; // guarded by this; System.nanoTime() scale

    public Manners(TransportLimits limits) {
        this.inFlight = limits.inFlight() == TransportLimits.UNCAPPED ? null : new Semaphore(limits.inFlight(), true);
        this.intervalNanos = limits.ratePerSecond() == 0 ? 0 : 1_000_000_000L / limits.ratePerSecond();
        int burst = limits.inFlight() == TransportLimits.UNCAPPED ? 1 : limits.inFlight();
        this.burstNanos = intervalNanos * (burst - 1);
        this.theoreticalArrival = System.nanoTime();
    }

    /** No cap at all (unit tests, one-off clients). */
    public static Manners none() {
        return new Manners(new TransportLimits(TransportLimits.DEFAULT_BODY_LIMIT, 1, Duration.ZERO, 1));
    }

    /**
     * Waits for a slot and for the rate, then returns the turn, which must be closed when the request is done
     * (answer read or failed).
     *
     * @throws InterruptedException when the run is being stopped while the request waits
     */
    public Turn take() throws InterruptedException {
        if (inFlight != null) {
            inFlight.acquire();
        }
        try {
            long start = reserveStart();
            long wait = start - System.nanoTime();
            if (wait > 0 && !Pause.parkFor(Duration.ofNanos(wait))) {
                throw new InterruptedException("interrupted while waiting for limits.rate");
            }
        } catch (InterruptedException | RuntimeException e) {
            release();
            throw e;
        }
        return this::release;
    }

    /** The moment this request may start: one interval after the previous one, less the burst allowance. */
    private synchronized long reserveStart() {
        long now = System.nanoTime();
        if (intervalNanos == 0) { // why: nanoTime may be negative, so "no wait" is now, never 0
            return now;
        }
        long arrival = Math.max(theoreticalArrival, now);
        long start = Math.max(now, arrival - burstNanos);
        theoreticalArrival = arrival + intervalNanos;
        return start;
    }

    private void release() {
        if (inFlight != null) {
            inFlight.release();
        }
    }

    /** One request's place on the wire. */
    @FunctionalInterface
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }
}
