package org.sessionthreads.conformance.refserver.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.sessionthreads.conformance.refserver.model.SessionThread;

/**
 * The in-memory state of one session: its threads in creation order (coordinator first), its event log, its
 * mailbox and the {@code Agent} tool calls its coordinator is blocked on.
 *
 * <p>Every read and write is individually thread-safe. Operations that check and then change state (archive,
 * mailbox delivery) run inside {@link #exclusively}, which serialises them per session; that is what makes N
 * simultaneous archives of one child produce exactly one transition.
 */
public final class Session {
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, SessionThread> threads = new LinkedHashMap<>();
    private final Map<String, SessionThread> previous = new HashMap<>();
    private final Map<String, String> agentCalls = new ConcurrentHashMap<>();
    private final EventLog events = new EventLog();
    private final Mailbox mailbox;

    Session(String id, ScheduledExecutorService scheduler) {
        this.id = id;
        this.mailbox = new Mailbox(scheduler);
    }

    public String id() {
        return id;
    }

    /** Runs {@code action} while holding this session's lock. */
    public <T> T exclusively(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} if this session's lock is free right now; empty, without running it, if it is not. */
    public <T> Optional<T> tryExclusively(Supplier<T> action) {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        } finally {
            lock.unlock();
        }
    }

    public Optional<SessionThread> thread(String threadId) {
        synchronized (threads) {
            return Optional.ofNullable(threads.get(threadId));
        }
    }

    /** All threads, coordinator first, then children in creation order (archived ones included). */
    public List<SessionThread> threads() {
        synchronized (threads) {
            return List.copyOf(threads.values());
        }
    }

    /** Stores {@code thread}, replacing the previous value with the same id (its position is kept). */
    public void put(SessionThread thread) {
        synchronized (threads) {
            SessionThread replaced = threads.put(thread.id(), thread);
            if (replaced != null) {
                previous.put(thread.id(), replaced);
            }
        }
    }

    /** The value {@code threadId} had before its last {@link #put}; empty if it was never replaced. */
    public Optional<SessionThread> previous(String threadId) {
        synchronized (threads) {
            return Optional.ofNullable(previous.get(threadId));
        }
    }

    public SessionThread coordinator() {
        return threads().stream().filter(SessionThread::isCoordinator).findFirst()
                .orElseThrow(() -> new IllegalStateException("session " + id + " has no coordinator"));
    }

    /** Records that the coordinator is blocked on {@code toolUseId}, the {@code Agent} call running {@code childId}. */
    public void awaitAgent(String childId, String toolUseId) {
        agentCalls.put(childId, toolUseId);
    }

    /** Removes and returns the {@code Agent} call the coordinator is blocked on for {@code childId}, if any. */
    public Optional<String> takeAgentCall(String childId) {
        return Optional.ofNullable(agentCalls.remove(childId));
    }

    public EventLog events() {
        return events;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** Cancels pending deliveries and ends every open stream of this session. */
    void close() {
        mailbox.close();
        events.close();
    }
}
