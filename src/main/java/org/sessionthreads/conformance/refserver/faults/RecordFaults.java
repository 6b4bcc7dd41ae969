package org.sessionthreads.conformance.refserver.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveRecord;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * The faults of what an archive writes and answers: a wrong stamp, nothing stored, another thread answered, and
 * writes after the answer, on the archived thread (later, silently) or on threads the request did not name.
 */
final class RecordFaults {
    /** How far {@link Fault#ARCHIVED_AT_BEFORE_CREATED_AT} is off: local time of UTC−05:00 written as UTC. */
    static final Duration LOCAL_TIME_SKEW = Duration.ofHours(5);

    private RecordFaults() {
    }

    static ArchiveRecord substitute(Fault fault, ArchiveRecord record, ThreadTransitions transitions,
                                    ThreadLookup lookup) {
        return switch (fault) {
            case WRONG_STOP_REASON -> stamp(record, (current, now) -> current.archived(StopReason.END_TURN, now, now));
            case MISSING_ARCHIVED_AT -> stamp(record,
                    (current, now) -> current.archived(StopReason.ARCHIVE, null, now));
            case ARCHIVED_AT_BEFORE_CREATED_AT -> stamp(record, (current, now) ->
                    current.archived(StopReason.ARCHIVE, now.minus(LOCAL_TIME_SKEW), now));
            case ARCHIVE_NOT_PERSISTED -> new Forwarding(record) {
                @Override
                public void store(Session session, SessionThread archived) {
                    // the answer says archived; the store is never written
                }
            };
            case ARCHIVE_RETURNS_PARENT_THREAD -> new Forwarding(record) {
                @Override
                public SessionThread answer(Session owner, SessionThread archived) {
                    SessionThread answered = super.answer(owner, archived);
                    return answered.parentThreadId() == null ? answered
                            : owner.thread(answered.parentThreadId()).orElse(answered);
                }
            };
            case ARCHIVE_REVERTS_LATER -> afterwards(record, (session, before, archived, now) ->
                    transitions.later(session, Fault.LATER_MILLIS, () -> session.thread(archived.id())
                            .ifPresent(stored -> session.put(
                                    stored.withStatus(ThreadStatus.IDLE, StopReason.END_TURN, transitions.now())))));
            case STATUS_RECONCILER_REVERTS_ARCHIVE -> afterwards(record, (session, before, archived, now) ->
                    transitions.later(session, Fault.RECONCILE_AFTER_MILLIS, () -> stillArchived(session, archived)
                            .ifPresent(thread -> session.put(thread.withStatus(ThreadStatus.IDLE, StopReason.END_TURN,
                                    transitions.now())))));
            case ARCHIVED_AT_REWRITTEN_LATER -> afterwards(record, (session, before, archived, now) ->
                    transitions.later(session, Fault.RESTAMP_AFTER_MILLIS, () -> stillArchived(session, archived)
                            .ifPresent(thread -> {
                                Instant restamped = transitions.now();
                                session.put(thread.archived(thread.stopReason(), restamped, restamped));
                            })));
            case ARCHIVED_AT_TRUNCATED_AFTER_EVICTION -> afterwards(record, (session, before, archived, now) ->
                    transitions.later(session, Fault.EVICT_AFTER_MILLIS, () -> stillArchived(session, archived)
                            .ifPresent(thread -> session.put(thread.archived(thread.stopReason(),
                                    thread.archivedAt() == null ? null
                                            : thread.archivedAt().truncatedTo(ChronoUnit.SECONDS),
                                    thread.updatedAt().truncatedTo(ChronoUnit.SECONDS))))));
            case ARCHIVE_ALSO_ARCHIVES_COORDINATOR -> afterwards(record, (session, before, archived, now) -> {
                if (!before.isCoordinator()) {
                    session.put(session.coordinator().archived(StopReason.ARCHIVE, now, now));
                }
            });
            case ARCHIVE_ALSO_ARCHIVES_OTHER_SESSION -> afterwards(record, (session, before, archived, now) ->
                    archiveNewestIdleChildElsewhere(session, lookup, transitions));
            case CAS_COORDINATOR_GETS_ARCHIVED_AT -> afterwards(record, (session, before, archived, now) -> {
                if (!before.isCoordinator()) {
                    session.thread(before.parentThreadId()).ifPresent(parent -> session.put(new SessionThread(
                            parent.id(), parent.sessionId(), parent.parentThreadId(), parent.agent(), parent.name(),
                            parent.role(), parent.status(), parent.stopReason(), parent.createdByToolUseId(), now,
                            parent.createdAt(), now)));
                }
            });
            case ARCHIVE_TOUCHES_SHARED_AGENT_ROWS -> afterwards(record, (session, before, archived, now) ->
                    touchSameAgentElsewhere(session, archived, lookup, transitions));
            default -> throw FaultInjection.notOfThisSeam(fault, "archive record");
        };
    }

    private static Optional<SessionThread> stillArchived(Session session, SessionThread archived) {
        return session.thread(archived.id()).filter(thread -> thread.status() == ThreadStatus.ARCHIVED);
    }

    private static void archiveNewestIdleChildElsewhere(Session session, ThreadLookup lookup,
                                                        ThreadTransitions transitions) {
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

    private static void touchSameAgentElsewhere(Session session, SessionThread archived, ThreadLookup lookup,
                                                ThreadTransitions transitions) {
        for (Session other : lookup.sessions()) {
            if (other.id().equals(session.id())) {
                continue;
            }
            // why: not under the other session's lock while holding this one's, so no lock-order deadlock
            other.threads().stream().filter(t -> t.status() == ThreadStatus.IDLE
                            && java.util.Objects.equals(t.name(), archived.name()))
                    .forEach(t -> other.put(new SessionThread(t.id(), t.sessionId(), t.parentThreadId(), t.agent(),
                            t.name(), t.role(), t.status(), t.stopReason(), t.createdByToolUseId(), t.archivedAt(),
                            t.createdAt(), transitions.now())));
        }
    }

    private interface Stamp {
        SessionThread stamp(SessionThread current, Instant now);
    }

    private static ArchiveRecord stamp(ArchiveRecord record, Stamp stamp) {
        return new Forwarding(record) {
            @Override
            public SessionThread stamp(SessionThread current, Instant now) {
                return stamp.stamp(current, now);
            }
        };
    }

    private interface Afterwards {
        void run(Session session, SessionThread before, SessionThread archived, Instant now);
    }

    private static ArchiveRecord afterwards(ArchiveRecord record, Afterwards effect) {
        return new Forwarding(record) {
            @Override
            public void afterwards(Session session, SessionThread before, SessionThread archived, Instant now) {
                super.afterwards(session, before, archived, now);
                effect.run(session, before, archived, now);
            }
        };
    }

    /** A record that does what {@code delegate} does; a fault overrides one step. */
    private static class Forwarding implements ArchiveRecord {
        private final ArchiveRecord delegate;

        Forwarding(ArchiveRecord delegate) {
            this.delegate = delegate;
        }

        @Override
        public SessionThread stamp(SessionThread current, Instant now) {
            return delegate.stamp(current, now);
        }

        @Override
        public void store(Session session, SessionThread archived) {
            delegate.store(session, archived);
        }

        @Override
        public void afterwards(Session session, SessionThread before, SessionThread archived, Instant now) {
            delegate.afterwards(session, before, archived, now);
        }

        @Override
        public SessionThread answer(Session owner, SessionThread archived) {
            return delegate.answer(owner, archived);
        }
    }
}
