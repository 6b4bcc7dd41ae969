package org.sessionthreads.conformance.client.transport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting between two attempts of a rate-limited request. The client package has no Awaitility (only
 * {@code events} uses it) and nothing sleeps ({@code ArchitectureTest}): this parks the thread until the moment
 * has come, parking again after a spurious wake-up, and gives up on interruption (the run is being stopped).
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
