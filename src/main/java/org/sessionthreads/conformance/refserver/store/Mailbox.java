package org.sessionthreads.conformance.refserver.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The messages of one session that are waiting to be delivered to a thread. Delivery runs on the server's scheduler
 * after a delay; whoever delivers must first {@link #claim} the message, so a message that was cancelled (its thread
 * was archived) or already delivered is never delivered again, whatever the timing.
 */
public final class Mailbox {
    private final ScheduledExecutorService scheduler;
    private final Map<String, PendingMessage> pending = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    Mailbox(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues {@code message} and runs {@code delivery} with it after {@code delay}, unless cancelled first. */
    public void post(PendingMessage message, Duration delay, Consumer<PendingMessage> delivery) {
        pending.put(message.id(), message);
        try {
            timers.put(message.id(), scheduler.schedule(
                    () -> delivery.accept(message), delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopping) {
            pending.remove(message.id());
        }
    }

    /** Takes {@code message} out of the mailbox; false if it was cancelled or claimed already. */
    public boolean claim(PendingMessage message) {
        timers.remove(message.id());
        return pending.remove(message.id()) != null;
    }

    /** Messages still waiting for {@code threadId}. */
    public List<PendingMessage> pendingFor(String threadId) {
        return pending.values().stream().filter(message -> message.toThreadId().equals(threadId)).toList();
    }

    /** Cancels every message waiting for {@code threadId}; they are never delivered. Returns how many. */
    public int cancelAll(String threadId) {
        List<PendingMessage> cancelled = pendingFor(threadId);
        cancelled.forEach(this::cancel);
        return cancelled.size();
    }

    void close() {
        List.copyOf(pending.values()).forEach(this::cancel);
    }

    private void cancel(PendingMessage message) {
        pending.remove(message.id());
        ScheduledFuture<?> timer = timers.remove(message.id());
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
