package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.RearchiveMode;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive} after authentication: the contract's
 * evaluation order (404 session, 404 thread, 409 coordinator, re-archive, 409 not idle) and then the transition
 * with all its side effects, all under the session lock so that concurrent archives of one child make exactly one
 * transition and one terminated event.
 */
public final class ArchiveThread {
    /** How long {@link Fault#RACY_ARCHIVE} waits between check and act, so that racing requests all pass the check. */
    static final long RACE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private final ThreadLookup lookup;
    private final ThreadTransitions transitions;
    private final ServerOptions options;

    public ArchiveThread(ThreadLookup lookup, ThreadTransitions transitions, ServerOptions options) {
        this.lookup = lookup;
        this.transitions = transitions;
        this.options = options;
    }

    /**
     * Archives the thread and returns it as the response should show it.
     *
     * @throws ResourceNotFoundException unknown session or thread
     * @throws ArchiveRejectedException  coordinator, or not idle (including already archived in conflict mode)
     */
    public SessionThread archive(String sessionId, String threadId) {
        Session owner = lookup.thread(sessionId, threadId).session();
        if (options.has(Fault.RACY_ARCHIVE)) {
            return decideAndApply(owner, threadId, true);
        }
        return owner.exclusively(() -> decideAndApply(owner, threadId, false));
    }

    private SessionThread decideAndApply(Session session, String threadId, boolean widenRace) {
        SessionThread current = session.thread(threadId).orElseThrow(() -> ResourceNotFoundException.thread(threadId));
        Optional<SessionThread> unchanged = check(session, current);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        if (widenRace) {
            LockSupport.parkNanos(RACE_WINDOW_NANOS);
        }
        return apply(session, current);
    }

    /** Steps 4–6: throws for a refusal, returns the thread for an idempotent re-archive, empty to go ahead. */
    private Optional<SessionThread> check(Session session, SessionThread current) {
        if (current.isCoordinator() && !options.has(Fault.COORDINATOR_ARCHIVABLE)) {
            if (options.has(Fault.EVENT_FOR_REJECTED_ARCHIVE)) {
                transitions.terminated(session, current);
            }
            throw new ArchiveRejectedException(ArchiveRejectedException.Reason.COORDINATOR,
                    "Coordinator threads cannot be archived.");
        }
        boolean archived = current.status() == ThreadStatus.ARCHIVED;
        if (archived && options.rearchive() == RearchiveMode.OK) {
            return options.has(Fault.REARCHIVE_MOVES_ARCHIVED_AT) ? Optional.empty() : Optional.of(current);
        }
        if (current.status() != ThreadStatus.IDLE && !options.has(Fault.NON_IDLE_ARCHIVABLE)) {
            throw new ArchiveRejectedException(ArchiveRejectedException.Reason.NOT_IDLE, "Thread status is '"
                    + current.status().wireName() + "'; only idle threads can be archived.");
        }
        return Optional.empty();
    }

    /** Step 7: archive, cancel the mailbox, unblock a waiting coordinator, emit the terminated event. */
    private SessionThread apply(Session session, SessionThread current) {
        Instant now = transitions.now();
        StopReason reason = options.has(Fault.WRONG_STOP_REASON) ? StopReason.END_TURN : StopReason.ARCHIVE;
        SessionThread archived = current.archived(reason, options.has(Fault.MISSING_ARCHIVED_AT) ? null : now, now);
        if (!options.has(Fault.ARCHIVE_NOT_PERSISTED)) {
            session.put(archived);
        }
        if (!options.has(Fault.MAILBOX_NOT_CANCELLED)) {
            session.mailbox().cancelAll(current.id());
        }
        if (!options.has(Fault.NO_AGENT_CANCELLED)) {
            session.takeAgentCall(current.id()).ifPresent(toolUseId -> transitions.agentCancelled(session, toolUseId));
        }
        transitions.terminated(session, archived);
        return archived;
    }
}
