package org.sessionthreads.conformance.waits;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain pause of the current thread, for the one wait that polls nothing: the time between two attempts of a
 * rate-limited request ({@code client.RateLimitRetry}). It parks the thread until the moment has come, parking
 * again after a spurious wake-up, and gives up on interruption (the run is being stopped). Only this package
 * parks or sleeps ({@code ArchitectureTest}).
 */
public final class Pause {
    private Pause() {
    }

    /** @return false when the thread was interrupted before {@code wait} passed (the interrupt flag stays set) */
    public static boolean parkFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
