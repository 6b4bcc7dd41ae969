package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Instant;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.RearchiveMode;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive} after authentication, as the archive page's
 * steps: 404 for an unknown session or thread, 409 for the coordinator, the answer to a re-archive, 409 for a thread
 * that is not idle, and then the transition with all its side effects (the mailbox cancelled, a waiting coordinator
 * unblocked, the terminated event), all guarded by the session lock so that concurrent archives of one child make
 * exactly one transition and one terminated event.
 *
 * <p>Each step is carried out by one of the {@link ArchiveCollaborators}; the conformant ones are the reference
 * behaviour, and a fault substitutes one of them. {@link Variation#INTERLEAVED_EVENTS} adds {@value #CHATTER}
 * unrelated {@code agent.message} events before and after every archive request.
 */
public final class ArchiveThread {
    static final int CHATTER = 24;

    private final ThreadLookup lookup;
    private final ThreadTransitions transitions;
    private final ArchiveCollaborators with;
    private final ServerOptions options;
    private final Archiver archiver = new Archiver() {
        @Override
        public SessionThread archive(Session owner, String threadId) {
            return archiveIn(owner, threadId);
        }

        @Override
        public SessionThread transition(Session session, SessionThread current) {
            return ArchiveThread.this.transition(session, current);
        }
    };

    public ArchiveThread(ThreadLookup lookup, ThreadTransitions transitions, ArchiveCollaborators with,
                         ServerOptions options) {
        this.lookup = lookup;
        this.transitions = transitions;
        this.with = with;
        this.options = options;
    }

    /**
     * Archives the thread and returns it as the response should show it.
     *
     * @throws ResourceNotFoundException unknown session or thread
     * @throws ArchiveRejectedException  coordinator, or not idle (including already archived in conflict mode)
     */
    public SessionThread archive(String sessionId, String threadId) {
        Session owner = locate(sessionId, threadId);
        chatter(owner, threadId);
        try {
            return with.record().answer(owner, archiveIn(owner, threadId));
        } finally {
            chatter(owner, threadId);
        }
    }

    /** Steps 2–3: the session that owns the thread, or 404. */
    private Session locate(String sessionId, String threadId) {
        try {
            return lookup.thread(sessionId, threadId).session();
        } catch (ResourceNotFoundException notHere) {
            with.rules().whenNotFound(sessionId, threadId, archiver);
            throw notHere;
        }
    }

    private SessionThread archiveIn(Session owner, String threadId) {
        return with.lock().guard(owner, threadId, () -> checkAndApply(owner, threadId));
    }

    private SessionThread checkAndApply(Session session, String threadId) {
        SessionThread current = session.thread(threadId).orElseThrow(() -> ResourceNotFoundException.thread(threadId));
        Optional<SessionThread> unchanged = check(session, current);
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        with.lock().betweenCheckAndAct();
        return transition(session, current);
    }

    /** Steps 4–6: throws for a refusal, returns the thread for an idempotent re-archive, empty to go ahead. */
    private Optional<SessionThread> check(Session session, SessionThread current) {
        if (current.isCoordinator()) {
            refuse(session, current, ArchiveRejectedException.Reason.COORDINATOR,
                    "Coordinator threads cannot be archived.");
        }
        if (current.status() == ThreadStatus.ARCHIVED && options.rearchive() == RearchiveMode.OK) {
            return with.rules().rearchive(session, current);
        }
        if (current.status() != ThreadStatus.IDLE) {
            refuse(session, current, ArchiveRejectedException.Reason.NOT_IDLE, "Thread status is '"
                    + current.status().wireName() + "'; only idle threads can be archived.");
        }
        return Optional.empty();
    }

    private void refuse(Session session, SessionThread current, ArchiveRejectedException.Reason reason,
                        String message) {
        if (with.rules().enforces(reason)) {
            with.rules().whenRefused(session, current, reason, archiver);
            throw new ArchiveRejectedException(reason, message);
        }
    }

    /** Step 7: archive, cancel the mailbox, unblock a waiting coordinator, emit the terminated event. */
    private SessionThread transition(Session session, SessionThread current) {
        Instant now = transitions.now();
        SessionThread archived = with.record().stamp(current, now);
        with.record().store(session, archived);
        with.mailbox().settle(session, archived);
        with.unblocking().waitedOn(session, current)
                .ifPresent(toolUseId -> transitions.agentCancelled(session, toolUseId));
        transitions.terminated(session, archived);
        with.record().afterwards(session, current, archived, now);
        return archived;
    }

    private void chatter(Session session, String threadId) {
        if (options.varies(Variation.INTERLEAVED_EVENTS)) {
            transitions.chatter(session, threadId, CHATTER);
        }
    }
}
