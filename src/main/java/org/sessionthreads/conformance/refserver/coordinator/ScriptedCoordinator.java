package org.sessionthreads.conformance.refserver.coordinator;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.sessionthreads.conformance.refserver.fixtures.FixtureSessions;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.store.Session;
import org.sessionthreads.conformance.refserver.store.SessionStore;

/**
 * The deterministic coordinator behind the public creation API: on a {@code user.message} that names a
 * {@link Script}, it plays into the session exactly the history the fixture hook plays for that kind (same threads,
 * same events, same mailbox), with the session's agent as the coordinator's. It acts right after the message was
 * accepted, on the server's scheduler, so a client sees the session empty first and then settle, as with a real
 * coordinator.
 */
public final class ScriptedCoordinator {
    private final Function<Duration, FixtureSessions> histories;
    private final Duration defaultDeliverAfter;
    private final ScheduledExecutorService scheduler;
    private final SessionStore store;

    /**
     * @param histories           the fixture hook's histories, with pending messages due after the given delay
     * @param defaultDeliverAfter the delay when a script names none (the server's {@code deliver_after_ms})
     * @param scheduler           runs the scripts; owned by the caller
     * @param store               a session archived before its script ran is left alone
     */
    public ScriptedCoordinator(Function<Duration, FixtureSessions> histories, Duration defaultDeliverAfter,
                               ScheduledExecutorService scheduler, SessionStore store) {
        this.histories = histories;
        this.defaultDeliverAfter = defaultDeliverAfter;
        this.scheduler = scheduler;
        this.store = store;
    }

    /** Plays {@code script} into {@code session}, whose coordinator runs {@code agent}, as soon as possible. */
    public void play(Session session, Agent agent, Script script) {
        Duration delay = script.deliverAfter() == null ? defaultDeliverAfter : script.deliverAfter();
        try {
            scheduler.execute(() -> {
                if (store.find(session.id()).isPresent()) {
                    histories.apply(delay).playInto(session, script.kind(), agent);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: nobody is left to see the script
        }
    }
}
