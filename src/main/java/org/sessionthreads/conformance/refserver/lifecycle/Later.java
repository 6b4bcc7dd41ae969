package org.sessionthreads.conformance.refserver.lifecycle;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sessionthreads.conformance.refserver.store.Session;

/** Work that runs some time after a request, under the session lock, on the server's scheduler. */
public final class Later {
    private final ScheduledExecutorService scheduler;

    /** @param scheduler runs the deferred work; owned by the caller */
    public Later(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code work} after {@code delayMillis} (at least 1) under the session lock; nothing once stopping. */
    public void run(Session session, long delayMillis, Runnable work) {
        try {
            scheduler.schedule(() -> session.exclusively(() -> {
                work.run();
                return null;
            }), Math.max(1, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: nobody is left to see the effect
        }
    }
}
