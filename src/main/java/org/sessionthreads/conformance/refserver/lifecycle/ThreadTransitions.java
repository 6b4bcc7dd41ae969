package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.Ids;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.model.Timestamps;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * The scripted agents: every state change of a thread together with the event it emits, so that state and event
 * log never disagree. Callers that check before changing hold the session lock; these methods do not take it
 * themselves, except deferred work, which takes it when it runs. How the terminated event is published and how the
 * coordinator resumes are the collaborators {@link TerminatedEvent} and {@link Unblocking}.
 *
 * <p>{@link Variation#LATE_EVENTS}: the archive's events are then appended {@link Variation#LATE_MILLIS} later, in
 * the same order, on the server's scheduler, and {@link Variation#ASYNC_COORDINATOR_RESUME}: the unblocking follows
 * the terminated event and the resumed coordinator works a while.
 */
public final class ThreadTransitions {
    private final ServerOptions options;
    private final Clock clock;
    private final Ids ids;
    private final Events events;
    private final Later later;
    private final Unblocking unblocking;
    private final TerminatedEvent terminatedEvent;
    private final boolean asyncResume;

    /**
     * @param ids   where thread, tool-use and event ids come from
     * @param later runs deferred events
     */
    public ThreadTransitions(ServerOptions options, Clock clock, Ids ids, Later later, Unblocking unblocking,
                             TerminatedEvent terminatedEvent) {
        this.options = options;
        this.clock = clock;
        this.ids = ids;
        this.events = new Events(ids, options.varies(Variation.TOOL_RESULT_CONTENT_AS_STRING));
        this.later = later;
        this.unblocking = unblocking;
        this.terminatedEvent = terminatedEvent;
        this.asyncResume = options.varies(Variation.ASYNC_COORDINATOR_RESUME);
    }

    /** Now, in the precision the wire uses. */
    public Instant now() {
        return Timestamps.now(clock);
    }

    /** A new agent snapshot with a fresh id. */
    public Agent newAgent(String name, int version) {
        return Agent.named(ids, name, version);
    }

    /** Creates the coordinator, which starts its first turn ({@code thread_created}, {@code running}). */
    public SessionThread startCoordinator(Session session, Agent agent) {
        SessionThread coordinator = SessionThread.coordinator(ids.next(IdPrefix.THREAD), session.id(), agent, now());
        session.put(coordinator);
        session.events().append(events.threadCreated(coordinator, coordinator.createdAt()));
        session.events().append(events.running(coordinator, coordinator.createdAt()));
        return coordinator;
    }

    /** The coordinator calls the {@code Agent} tool; returns the new {@code toolu_} id. */
    public String callAgentTool(Session session, String description) {
        String toolUseId = ids.next(IdPrefix.TOOL_USE);
        session.events().append(events.toolUse(session.coordinator(), toolUseId, description, now()));
        return toolUseId;
    }

    /** Creates a child for {@code toolUseId}, which starts its first turn. */
    public SessionThread spawnChild(Session session, Agent agent, String toolUseId) {
        SessionThread child = SessionThread.child(
                ids.next(IdPrefix.THREAD), session.coordinator(), agent, toolUseId, now());
        session.put(child);
        session.events().append(events.threadCreated(child, child.createdAt()));
        session.events().append(events.running(child, child.createdAt()));
        return child;
    }

    /** The thread ends its turn: idle, stop reason {@code end_turn}. */
    public SessionThread finishTurn(Session session, SessionThread thread) {
        SessionThread idle = thread.withStatus(ThreadStatus.IDLE, StopReason.END_TURN, now());
        session.put(idle);
        session.events().append(events.idle(idle, idle.updatedAt()));
        return idle;
    }

    /** The thread starts a turn: running, no stop reason. */
    public SessionThread startTurn(Session session, SessionThread thread) {
        SessionThread running = thread.withStatus(ThreadStatus.RUNNING, null, now());
        session.put(running);
        session.events().append(events.running(running, running.updatedAt()));
        return running;
    }

    /** The coordinator blocks until {@code child} (started by {@code toolUseId}) returns a result. */
    public SessionThread blockOn(Session session, SessionThread child, String toolUseId) {
        SessionThread blocked = session.coordinator().withStatus(ThreadStatus.BLOCKED, null, now());
        session.put(blocked);
        session.awaitAgent(child.id(), toolUseId);
        return blocked;
    }

    /** The coordinator receives the result of its {@code Agent} call {@code toolUseId}. */
    public void toolResult(Session session, String toolUseId, String text) {
        session.events().append(events.toolResult(session.coordinator(), toolUseId, text, now()));
    }

    /** A message goes from one thread to another: {@code sent} on the sender, {@code received} on the recipient. */
    public void sendMessage(Session session, SessionThread from, SessionThread to, String text) {
        Instant at = now();
        session.events().append(events.message(EventType.THREAD_MESSAGE_SENT, from, from.id(), to.id(), text, at));
        session.events().append(events.message(EventType.THREAD_MESSAGE_RECEIVED, to, from.id(), to.id(), text, at));
    }

    /**
     * The coordinator's {@code Agent} call {@code toolUseId} was cancelled because its child was archived: it gets
     * the "Agent cancelled." result, resumes, and (being scripted) finishes its turn at once; under
     * {@link Variation#ASYNC_COORDINATOR_RESUME} all of it {@link Variation#RESUME_AFTER_MILLIS} later, after the
     * terminated event, and the resumed turn lasts {@link Variation#RESUMED_TURN_MILLIS}.
     */
    public void agentCancelled(Session session, String toolUseId) {
        deferred(session, asyncResume ? Variation.RESUME_AFTER_MILLIS : lateMillis(),
                () -> unblocking.resume(new Unblocking.Resumption() {
                    @Override
                    public void toolResult(String text) {
                        ThreadTransitions.this.toolResult(session, toolUseId, text);
                    }

                    @Override
                    public SessionThread start() {
                        return startTurn(session, session.coordinator());
                    }

                    @Override
                    public void finish(SessionThread running) {
                        resumedTurn(session, running);
                    }
                }));
    }

    /**
     * The resumed coordinator's turn: over at once, or under {@link Variation#ASYNC_COORDINATOR_RESUME} one
     * {@code agent.message} and idle {@link Variation#RESUMED_TURN_MILLIS} later (unless something else ended it).
     */
    private void resumedTurn(Session session, SessionThread running) {
        if (!asyncResume) {
            finishTurn(session, running);
            return;
        }
        session.events().append(events.agentMessage(running, "The delegated agent was cancelled; continuing "
                + "without its result.", now()));
        deferred(session, Variation.RESUMED_TURN_MILLIS, () -> session.thread(running.id())
                .filter(thread -> thread.status() == ThreadStatus.RUNNING)
                .ifPresent(thread -> finishTurn(session, thread)));
    }

    /** Emits {@code session.thread_status_terminated} for an archived thread. */
    public void terminated(Session session, SessionThread thread) {
        deferred(session, terminatedEvent.delayMillis(lateMillis()), () -> {
            hugeHistory(session, session.coordinator());
            SessionThread subject = terminatedEvent.subject(session, thread);
            StopReason reason = terminatedEvent.stopReason();
            terminatedEvent.publish(session, () -> session.events().append(events.terminated(subject, reason, now())));
        });
    }

    /**
     * Runs {@code work} after {@code delayMillis} under the session lock, on the server's scheduler: for the faults
     * whose effect shows only seconds after the request. Nothing runs once the server is stopping.
     */
    public void later(Session session, long delayMillis, Runnable work) {
        later.run(session, delayMillis, work);
    }

    /**
     * {@link Variation#HUGE_HISTORY}: appends {@value Variation#HUGE_HISTORY_EVENTS} unrelated {@code agent.message}
     * events of {@code speaker}, stored as one lazily built run; nothing otherwise.
     */
    public void hugeHistory(Session session, SessionThread speaker) {
        if (options.varies(Variation.HUGE_HISTORY)) {
            session.events().appendFiller(events.agentMessage(speaker, "Unrelated work.", now()),
                    Variation.HUGE_HISTORY_EVENTS);
        }
    }

    /** Appends {@code count} {@code agent.message} events of threads other than {@code threadId}, round robin. */
    public void chatter(Session session, String threadId, int count) {
        List<SessionThread> others = session.threads().stream().filter(t -> !t.id().equals(threadId)).toList();
        for (int i = 0; i < count && !others.isEmpty(); i++) {
            SessionThread speaker = others.get(i % others.size());
            session.events().append(events.agentMessage(speaker, "Working on it (" + (i + 1) + ").", now()));
        }
    }

    private long lateMillis() {
        return options.varies(Variation.LATE_EVENTS) ? Variation.LATE_MILLIS
                : options.varies(Variation.DEPLOYMENT_PACE) ? Variation.DEPLOYMENT_EVENT_MILLIS : 0;
    }

    /** Runs {@code work} now (the caller holds the lock), or after {@code delayMillis} under the session lock. */
    private void deferred(Session session, long delayMillis, Runnable work) {
        if (delayMillis == 0) {
            work.run();
            return;
        }
        later.run(session, delayMillis, work);
    }
}
