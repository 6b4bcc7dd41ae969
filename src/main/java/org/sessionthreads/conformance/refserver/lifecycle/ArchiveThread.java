package org.sessionthreads.conformance.refserver.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.RearchiveMode;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.PendingMessage;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code POST /v1/sessions/{session_id}/threads/{thread_id}/archive} after authentication: the contract's
 * evaluation order (404 session, 404 thread, 409 coordinator, re-archive, 409 not idle) and then the transition
 * with all its side effects, all under the session lock so that concurrent archives of one child make exactly one
 * transition and one terminated event.
 *
 * <p>Most faults of the archive itself live here (among them {@link Fault#BLIND2_RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT}
 * and {@link Fault#BLIND2_AGENT_CANCELLED_WITHOUT_WAIT}), and {@link Variation#INTERLEAVED_EVENTS}: {@value #CHATTER}
 * unrelated {@code agent.message} events before and after every archive request.
 */
public final class ArchiveThread {
    /** How long the racy and contended faults hold the check-then-act window open, so that racing requests meet. */
    static final long RACE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    /** How far {@link Fault#ARCHIVED_AT_BEFORE_CREATED_AT} is off: local time of UTC−05:00 written as UTC. */
    static final Duration LOCAL_TIME_SKEW = Duration.ofHours(5);
    static final int CHATTER = 24;

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
        Session owner = locate(sessionId, threadId);
        chatter(owner, threadId);
        try {
            SessionThread result = archiveIn(owner, threadId);
            return options.has(Fault.ARCHIVE_RETURNS_PARENT_THREAD) && result.parentThreadId() != null
                    ? owner.thread(result.parentThreadId()).orElse(result) : result;
        } finally {
            chatter(owner, threadId);
        }
    }

    /**
     * The session that owns the thread; {@link Fault#SPEC_FOREIGN_SESSION_ARCHIVED_DESPITE_404} and
     * {@link Fault#NOT_FOUND_BUT_ARCHIVED} live here.
     */
    private Session locate(String sessionId, String threadId) {
        try {
            return lookup.thread(sessionId, threadId).session();
        } catch (ResourceNotFoundException notHere) {
            if (options.has(Fault.SPEC_FOREIGN_SESSION_ARCHIVED_DESPITE_404)) {
                Session named = lookup.session(sessionId);
                lookup.anywhere(threadId).filter(location -> location.session() != named)
                        .ifPresent(location -> archiveBeforeOwnershipCheck(location.session(), threadId));
            }
            if (options.has(Fault.NOT_FOUND_BUT_ARCHIVED)) {
                lookup.anywhere(threadId).ifPresent(found -> archiveQuietly(found.session(), threadId));
            }
            throw notHere;
        }
    }

    private void archiveBeforeOwnershipCheck(Session owner, String threadId) {
        try {
            archiveIn(owner, threadId);
        } catch (ArchiveRejectedException | ResourceNotFoundException ignored) {
            // the write found nothing to change; the answer is the 404 either way
        }
    }

    private SessionThread archiveIn(Session owner, String threadId) {
        if (options.has(Fault.RACY_ARCHIVE)) {
            return decideAndApply(owner, threadId, true);
        }
        if (options.has(Fault.BLIND2_RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT)) {
            return optimisticArchive(owner, threadId);
        }
        if (options.has(Fault.CONTENDED_ARCHIVE_FAILS)) {
            return owner.tryExclusively(() -> decideAndApply(owner, threadId, true)).orElseThrow(
                    () -> new ServerFailureException("could not lock session " + owner.id()));
        }
        return owner.exclusively(() -> decideAndApply(owner, threadId, false));
    }

    /**
     * {@link Fault#BLIND2_RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT}: read, stop the runtime, then a conditional write that
     * only the first of racing archives wins; a loser answers the thread it computed, not the stored one.
     */
    private SessionThread optimisticArchive(Session owner, String threadId) {
        SessionThread seen = owner.thread(threadId).orElseThrow(() -> ResourceNotFoundException.thread(threadId));
        if (seen.isCoordinator() || seen.status() != ThreadStatus.IDLE) {
            return owner.exclusively(() -> decideAndApply(owner, threadId, false));
        }
        LockSupport.parkNanos(RACE_WINDOW_NANOS); // the runtime is asked to stop the child's container
        return owner.exclusively(() -> {
            SessionThread current = owner.thread(threadId)
                    .orElseThrow(() -> ResourceNotFoundException.thread(threadId));
            if (current.status() == ThreadStatus.IDLE) {
                return decideAndApply(owner, threadId, false);
            }
            // "update ... where status = 'idle'" matched no row; the count it returned is not looked at
            Instant now = transitions.now();
            if (current.archivedAt() != null && !now.isAfter(current.archivedAt())) {
                now = current.archivedAt().plusMillis(1);
            }
            return seen.archived(StopReason.ARCHIVE, now, now);
        });
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
            if (options.has(Fault.CONFLICT_BUT_CHILD_ARCHIVED)) {
                session.threads().stream().filter(t -> !t.isCoordinator() && t.status() == ThreadStatus.IDLE)
                        .forEach(child -> apply(session, child));
            }
            if (options.has(Fault.SPEC_REJECTED_COORDINATOR_ARCHIVE_CASCADES)) {
                session.threads().stream().filter(thread -> current.id().equals(thread.parentThreadId()))
                        .filter(child -> child.status() == ThreadStatus.IDLE).forEach(child -> apply(session, child));
            }
            throw reject(session, current, ArchiveRejectedException.Reason.COORDINATOR,
                    "Coordinator threads cannot be archived.");
        }
        boolean archived = current.status() == ThreadStatus.ARCHIVED;
        if (archived && options.rearchive() == RearchiveMode.OK) {
            if (options.has(Fault.REARCHIVE_MOVES_ARCHIVED_AT)) {
                return Optional.empty();
            }
            if (options.has(Fault.REARCHIVE_EMITS_EVENT)) {
                transitions.terminated(session, current);
            }
            if (options.acts(Fault.BLIND_FORWARD_REARCHIVE_TOUCHES_THREAD)) {
                Instant now = transitions.now();
                Instant later = current.updatedAt().plusMillis(1);
                SessionThread saved = current.touched(now.isAfter(later) ? now : later);
                session.put(saved);
                return Optional.of(saved);
            }
            return Optional.of(current);
        }
        if (current.status() != ThreadStatus.IDLE && !options.has(Fault.NON_IDLE_ARCHIVABLE)) {
            if (options.has(Fault.SPEC_REJECTED_ARCHIVE_STOPS_RUNNING_CHILD)) {
                stopLater(session, current);
            }
            throw reject(session, current, ArchiveRejectedException.Reason.NOT_IDLE, "Thread status is '"
                    + current.status().wireName() + "'; only idle threads can be archived.");
        }
        return Optional.empty();
    }

    /** {@link Fault#SPEC_REJECTED_ARCHIVE_STOPS_RUNNING_CHILD}: the stop the refused archive did not roll back. */
    private void stopLater(Session session, SessionThread current) {
        if (current.status() == ThreadStatus.RUNNING) {
            transitions.later(session, Fault.SPEC_STOP_AFTER_MILLIS, () -> session.thread(current.id())
                    .filter(thread -> thread.status() == ThreadStatus.RUNNING)
                    .ifPresent(running -> transitions.finishTurn(session, running)));
        }
    }

    private ArchiveRejectedException reject(
            Session session, SessionThread current, ArchiveRejectedException.Reason reason, String message) {
        if (options.has(Fault.REJECTED_ARCHIVE_TOUCHES_THREAD)) {
            Instant now = transitions.now();
            Instant later = current.updatedAt().plusMillis(1);
            session.put(current.touched(now.isAfter(later) ? now : later));
        }
        return new ArchiveRejectedException(reason, message);
    }

    /** Step 7: archive, cancel the mailbox, unblock a waiting coordinator, emit the terminated event. */
    private SessionThread apply(Session session, SessionThread current) {
        Instant now = transitions.now();
        StopReason reason = options.has(Fault.WRONG_STOP_REASON) ? StopReason.END_TURN : StopReason.ARCHIVE;
        SessionThread archived = current.archived(reason, archivedAt(now), now);
        if (!options.has(Fault.ARCHIVE_NOT_PERSISTED)) {
            session.put(archived);
        }
        List<PendingMessage> pending = session.mailbox().pendingFor(archived.id());
        settleMailbox(session, archived);
        if (!options.has(Fault.NO_AGENT_CANCELLED)) {
            Optional<String> waitedOn = agentCallOf(session, current.id());
            if (waitedOn.isEmpty() && options.has(Fault.BLIND2_AGENT_CANCELLED_WITHOUT_WAIT)) {
                waitedOn = Optional.ofNullable(current.createdByToolUseId()); // nobody asked whether it still waits
            }
            waitedOn.ifPresent(toolUseId -> transitions.agentCancelled(session, toolUseId));
        }
        transitions.terminated(session, archived);
        if (options.has(Fault.ARCHIVE_REVERTS_LATER)) {
            transitions.later(session, () -> session.thread(archived.id()).ifPresent(stored -> session.put(
                    stored.withStatus(ThreadStatus.IDLE, StopReason.END_TURN, transitions.now()))));
        }
        if (options.has(Fault.MAILBOX_DELIVERED_LATER)) {
            transitions.later(session, () -> pending.forEach(message -> session.thread(message.fromThreadId())
                    .ifPresent(from -> transitions.sendMessage(session, from, archived, message.text()))));
        }
        if (options.has(Fault.ARCHIVE_ALSO_ARCHIVES_COORDINATOR) && !current.isCoordinator()) {
            SessionThread coordinator = session.coordinator();
            session.put(coordinator.archived(StopReason.ARCHIVE, now, now));
        }
        if (options.has(Fault.ARCHIVE_ALSO_ARCHIVES_OTHER_SESSION)) {
            archiveNewestIdleChildElsewhere(session);
        }
        if (options.acts(Fault.BLIND_CAS_COORDINATOR_GETS_ARCHIVED_AT) && !current.isCoordinator()) {
            session.thread(current.parentThreadId()).ifPresent(parent -> session.put(new SessionThread(parent.id(),
                    parent.sessionId(), parent.parentThreadId(), parent.agent(), parent.name(), parent.role(),
                    parent.status(), parent.stopReason(), parent.createdByToolUseId(), now, parent.createdAt(), now)));
        }
        rewriteLater(session, archived.id());
        evictLater(session, archived.id());
        return archived;
    }

    /** The faults that reach across sessions: archive a thread of {@code other} without an answer. */
    private void archiveQuietly(Session other, String threadId) {
        other.exclusively(() -> {
            other.thread(threadId).filter(t -> !t.isCoordinator() && t.status() == ThreadStatus.IDLE)
                    .ifPresent(t -> apply(other, t));
            return null;
        });
    }

    private void archiveNewestIdleChildElsewhere(Session session) {
        List<Session> others = lookup.sessions().stream().filter(s -> !s.id().equals(session.id())).toList();
        for (int i = others.size() - 1; i >= 0; i--) {
            Session other = others.get(i);
            Optional<SessionThread> idle = other.threads().stream()
                    .filter(t -> !t.isCoordinator() && t.status() == ThreadStatus.IDLE).findFirst();
            if (idle.isPresent()) {
                // why: not under the other session's lock while holding this one's, so no lock-order deadlock
                other.put(idle.get().archived(StopReason.ARCHIVE, transitions.now(), transitions.now()));
                return;
            }
        }
    }

    /**
     * Takes the coordinator's {@code Agent} call on {@code childId}; under
     * {@link Fault#SPEC_SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR} any pending call of the coordinator.
     */
    private Optional<String> agentCallOf(Session session, String childId) {
        Optional<String> own = session.takeAgentCall(childId);
        if (own.isPresent() || !options.has(Fault.SPEC_SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR)) {
            return own;
        }
        return session.threads().stream().filter(thread -> !thread.id().equals(childId))
                .map(sibling -> session.takeAgentCall(sibling.id())).flatMap(Optional::stream).findFirst();
    }

    /**
     * The delayed overwrites of {@link Fault#SPEC_ARCHIVE_REVERTED_LATER} and
     * {@link Fault#SPEC_ARCHIVED_AT_REWRITTEN_LATER}.
     */
    private void rewriteLater(Session session, String threadId) {
        if (options.has(Fault.SPEC_ARCHIVE_REVERTED_LATER)) {
            transitions.later(session, Fault.SPEC_REVERT_AFTER_MILLIS, () -> stillArchived(session, threadId)
                    .ifPresent(thread -> session.put(thread.withStatus(ThreadStatus.IDLE, StopReason.END_TURN,
                            transitions.now()))));
        }
        if (options.has(Fault.SPEC_ARCHIVED_AT_REWRITTEN_LATER)) {
            transitions.later(session, Fault.SPEC_RESTAMP_AFTER_MILLIS, () -> stillArchived(session, threadId)
                    .ifPresent(thread -> {
                        Instant now = transitions.now();
                        session.put(thread.archived(thread.stopReason(), now, now));
                    }));
        }
    }

    /** {@link Fault#BLIND_ARCHIVED_AT_TRUNCATED_AFTER_EVICTION}: the thread as the second-precision store has it. */
    private void evictLater(Session session, String threadId) {
        if (options.has(Fault.BLIND_ARCHIVED_AT_TRUNCATED_AFTER_EVICTION)) {
            transitions.later(session, Fault.BLIND_EVICT_AFTER_MILLIS, () -> stillArchived(session, threadId)
                    .ifPresent(thread -> session.put(thread.archived(thread.stopReason(),
                            thread.archivedAt() == null ? null : thread.archivedAt().truncatedTo(ChronoUnit.SECONDS),
                            thread.updatedAt().truncatedTo(ChronoUnit.SECONDS)))));
        }
    }

    private static Optional<SessionThread> stillArchived(Session session, String threadId) {
        return session.thread(threadId).filter(thread -> thread.status() == ThreadStatus.ARCHIVED);
    }

    private Instant archivedAt(Instant now) {
        if (options.has(Fault.MISSING_ARCHIVED_AT)) {
            return null;
        }
        return options.has(Fault.ARCHIVED_AT_BEFORE_CREATED_AT) ? now.minus(LOCAL_TIME_SKEW) : now;
    }

    private void settleMailbox(Session session, SessionThread archived) {
        if (options.has(Fault.MAILBOX_NOT_CANCELLED)) {
            return;
        }
        if (!options.has(Fault.MAILBOX_FLUSHED_ON_ARCHIVE)) {
            List<PendingMessage> cancelled = session.mailbox().pendingFor(archived.id());
            if (options.has(Fault.BLIND_MAILBOX_CANCELS_EVERY_OTHER_MESSAGE)) {
                cancelEveryOther(session, cancelled);
                return;
            }
            session.mailbox().cancelAll(archived.id());
            if (options.has(Fault.SPEC_MAILBOX_REDELIVERED_LATER)) {
                transitions.later(session, Fault.SPEC_REDELIVER_AFTER_MILLIS,
                        () -> cancelled.forEach(message -> redeliver(session, message)));
            }
            return;
        }
        for (PendingMessage message : session.mailbox().pendingFor(archived.id())) {
            if (session.mailbox().claim(message)) {
                session.thread(message.fromThreadId()).ifPresent(
                        from -> transitions.sendMessage(session, from, archived, message.text()));
            }
        }
    }

    /**
     * {@link Fault#BLIND_MAILBOX_CANCELS_EVERY_OTHER_MESSAGE}: "remove at i, then i++" over the pending list, so every
     * second message stays pending and is delivered when due. The list is ordered by due time first.
     */
    private static void cancelEveryOther(Session session, List<PendingMessage> pending) {
        List<PendingMessage> walk = new java.util.ArrayList<>(pending);
        walk.sort(java.util.Comparator.comparing(PendingMessage::id));
        for (int i = 0; i < walk.size(); i++) {
            session.mailbox().claim(walk.remove(i));
        }
    }

    private void redeliver(Session session, PendingMessage message) {
        Optional<SessionThread> from = session.thread(message.fromThreadId());
        Optional<SessionThread> to = session.thread(message.toThreadId());
        if (from.isPresent() && to.isPresent()) {
            transitions.sendMessage(session, from.get(), to.get(), message.text());
        }
    }

    private void chatter(Session session, String threadId) {
        if (options.varies(Variation.INTERLEAVED_EVENTS)) {
            transitions.chatter(session, threadId, CHATTER);
        }
    }
}
