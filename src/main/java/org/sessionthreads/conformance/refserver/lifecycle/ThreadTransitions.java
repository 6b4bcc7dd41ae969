package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Clock;
import java.time.Instant;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.Agent;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.IdPrefix;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.model.Timestamps;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * The scripted agents: every state change of a thread together with the event it emits, so that state and event
 * log never disagree (except where a {@link Fault} says so). Callers that check before changing hold the session
 * lock; these methods do not take it themselves.
 */
public final class ThreadTransitions {
    private final ServerOptions options;
    private final Clock clock;

    public ThreadTransitions(ServerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** Now, in the precision the wire uses. */
    public Instant now() {
        return Timestamps.now(clock);
    }

    /** Creates the coordinator, which starts its first turn ({@code thread_created}, {@code running}). */
    public SessionThread startCoordinator(Session session, Agent agent) {
        SessionThread coordinator = SessionThread.coordinator(session.id(), agent, now());
        session.put(coordinator);
        session.events().append(Events.threadCreated(coordinator, coordinator.createdAt()));
        session.events().append(Events.running(coordinator, coordinator.createdAt()));
        return coordinator;
    }

    /** The coordinator calls the {@code Agent} tool; returns the new {@code toolu_} id. */
    public String callAgentTool(Session session, String description) {
        String toolUseId = IdPrefix.TOOL_USE.next();
        session.events().append(Events.toolUse(session.coordinator(), toolUseId, description, now()));
        return toolUseId;
    }

    /** Creates a child for {@code toolUseId}, which starts its first turn. */
    public SessionThread spawnChild(Session session, Agent agent, String toolUseId) {
        SessionThread child = SessionThread.child(session.coordinator(), agent, toolUseId, now());
        session.put(child);
        session.events().append(Events.threadCreated(child, child.createdAt()));
        session.events().append(Events.running(child, child.createdAt()));
        return child;
    }

    /** The thread ends its turn: idle, stop reason {@code end_turn}. */
    public SessionThread finishTurn(Session session, SessionThread thread) {
        SessionThread idle = thread.withStatus(ThreadStatus.IDLE, StopReason.END_TURN, now());
        session.put(idle);
        session.events().append(Events.idle(idle, idle.updatedAt()));
        return idle;
    }

    /** The thread starts a turn: running, no stop reason. */
    public SessionThread startTurn(Session session, SessionThread thread) {
        SessionThread running = thread.withStatus(ThreadStatus.RUNNING, null, now());
        session.put(running);
        session.events().append(Events.running(running, running.updatedAt()));
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
        session.events().append(Events.toolResult(session.coordinator(), toolUseId, text, now()));
    }

    /** A message goes from one thread to another: {@code sent} on the sender, {@code received} on the recipient. */
    public void sendMessage(Session session, SessionThread from, SessionThread to, String text) {
        Instant at = now();
        session.events().append(Events.message(EventType.THREAD_MESSAGE_SENT, from, from.id(), to.id(), text, at));
        session.events().append(Events.message(EventType.THREAD_MESSAGE_RECEIVED, to, from.id(), to.id(), text, at));
    }

    /**
     * The coordinator's {@code Agent} call {@code toolUseId} was cancelled because its child was archived: it gets
     * the "Agent cancelled." result, resumes, and (being scripted) finishes its turn at once.
     */
    public void agentCancelled(Session session, String toolUseId) {
        toolResult(session, toolUseId, "Agent cancelled.");
        finishTurn(session, startTurn(session, session.coordinator()));
    }

    /** Emits {@code session.thread_status_terminated} for an archived thread. */
    public void terminated(Session session, SessionThread thread) {
        StopReason reason = options.has(Fault.TERMINATED_EVENT_WRONG_REASON) ? StopReason.END_TURN : StopReason.ARCHIVE;
        int copies = options.has(Fault.NO_TERMINATED_EVENT) ? 0
                : options.has(Fault.DUPLICATE_TERMINATED_EVENT) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            session.events().append(Events.terminated(thread, reason, now()));
        }
    }
}
