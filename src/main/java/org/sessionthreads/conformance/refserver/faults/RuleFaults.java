package org.sessionthreads.conformance.refserver.faults;

import java.time.Instant;
import java.util.Optional;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveRejectedException;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveRejectedException.Reason;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveRules;
import org.sessionthreads.conformance.refserver.lifecycle.Archiver;
import org.sessionthreads.conformance.refserver.lifecycle.ResourceNotFoundException;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;

/** The faults of the archive's rules: a refusal that does not hold or changes state, a re-archive, a 404. */
final class RuleFaults {
    private RuleFaults() {
    }

    static ArchiveRules substitute(Fault fault, ArchiveRules rules, ThreadTransitions transitions,
                                   ThreadLookup lookup) {
        return switch (fault) {
            case COORDINATOR_ARCHIVABLE -> new Forwarding(rules) {
                @Override
                public boolean enforces(Reason reason) {
                    return reason != Reason.COORDINATOR && super.enforces(reason);
                }
            };
            case NON_IDLE_ARCHIVABLE -> new Forwarding(rules) {
                @Override
                public boolean enforces(Reason reason) {
                    return reason != Reason.NOT_IDLE && super.enforces(reason);
                }
            };
            case EVENT_FOR_REJECTED_ARCHIVE -> whenCoordinatorRefused(rules,
                    (session, coordinator, archiver) -> transitions.terminated(session, coordinator));
            case CONFLICT_BUT_CHILD_ARCHIVED -> whenCoordinatorRefused(rules, (session, coordinator, archiver) ->
                    session.threads().stream().filter(t -> !t.isCoordinator() && t.status() == ThreadStatus.IDLE)
                            .forEach(child -> archiver.transition(session, child)));
            case REJECTED_COORDINATOR_ARCHIVE_CASCADES -> whenCoordinatorRefused(rules,
                    (session, coordinator, archiver) -> session.threads().stream().filter(thread -> coordinator.id().equals(thread.parentThreadId()))
                            .filter(child -> child.status() == ThreadStatus.IDLE)
                            .forEach(child -> archiver.transition(session, child)));
            case REJECTED_ARCHIVE_STOPS_RUNNING_CHILD -> new Forwarding(rules) {
                @Override
                public void whenRefused(Session session, SessionThread current, Reason reason, Archiver archiver) {
                    super.whenRefused(session, current, reason, archiver);
                    if (reason == Reason.NOT_IDLE && current.status() == ThreadStatus.RUNNING) {
                        // the stop the refused archive did not roll back
                        transitions.later(session, Fault.STOP_AFTER_MILLIS, () -> session.thread(current.id())
                                .filter(thread -> thread.status() == ThreadStatus.RUNNING)
                                .ifPresent(running -> transitions.finishTurn(session, running)));
                    }
                }
            };
            case REJECTED_ARCHIVE_TOUCHES_THREAD -> new Forwarding(rules) {
                @Override
                public void whenRefused(Session session, SessionThread current, Reason reason, Archiver archiver) {
                    super.whenRefused(session, current, reason, archiver);
                    session.put(current.touched(laterThan(current.updatedAt(), transitions.now())));
                }
            };
            case REARCHIVE_MOVES_ARCHIVED_AT -> rearchive(rules, (session, current) -> Optional.empty());
            case REARCHIVE_EMITS_EVENT -> rearchive(rules, (session, current) -> {
                transitions.terminated(session, current);
                return Optional.of(current);
            });
            case FORWARD_REARCHIVE_TOUCHES_THREAD -> rearchive(rules, (session, current) -> {
                SessionThread saved = current.touched(laterThan(current.updatedAt(), transitions.now()));
                session.put(saved);
                return Optional.of(saved);
            });
            case NOT_FOUND_BUT_ARCHIVED -> whenNotFound(rules, (sessionId, threadId, archiver) -> lookup
                    .anywhere(threadId).ifPresent(found -> archiveQuietly(found.session(), threadId, archiver)));
            case FOREIGN_SESSION_ARCHIVED_DESPITE_404 -> whenNotFound(rules, (sessionId, threadId, archiver) -> {
                Session named = lookup.session(sessionId);
                lookup.anywhere(threadId).filter(location -> location.session() != named)
                        .ifPresent(location -> archiveBeforeOwnershipCheck(location.session(), threadId, archiver));
            });
            default -> throw FaultInjection.notOfThisSeam(fault, "archive rules");
        };
    }

    /** {@code now}, or 1 ms after {@code previous} if that is later: a touch always moves {@code updated_at}. */
    private static Instant laterThan(Instant previous, Instant now) {
        Instant later = previous.plusMillis(1);
        return now.isAfter(later) ? now : later;
    }

    /** The faults that reach across sessions: archive a thread of {@code other} without an answer. */
    private static void archiveQuietly(Session other, String threadId, Archiver archiver) {
        other.exclusively(() -> {
            other.thread(threadId).filter(t -> !t.isCoordinator() && t.status() == ThreadStatus.IDLE)
                    .ifPresent(t -> archiver.transition(other, t));
            return null;
        });
    }

    private static void archiveBeforeOwnershipCheck(Session owner, String threadId, Archiver archiver) {
        try {
            archiver.archive(owner, threadId);
        } catch (ArchiveRejectedException | ResourceNotFoundException ignored) {
            // the write found nothing to change; the answer is the 404 either way
        }
    }

    private interface CoordinatorRefusal {
        void run(Session session, SessionThread coordinator, Archiver archiver);
    }

    private static ArchiveRules whenCoordinatorRefused(ArchiveRules rules, CoordinatorRefusal effect) {
        return new Forwarding(rules) {
            @Override
            public void whenRefused(Session session, SessionThread current, Reason reason, Archiver archiver) {
                if (reason == Reason.COORDINATOR) {
                    effect.run(session, current, archiver);
                }
                super.whenRefused(session, current, reason, archiver);
            }
        };
    }

    private interface Rearchive {
        Optional<SessionThread> answer(Session session, SessionThread current);
    }

    private static ArchiveRules rearchive(ArchiveRules rules, Rearchive rearchive) {
        return new Forwarding(rules) {
            @Override
            public Optional<SessionThread> rearchive(Session session, SessionThread current) {
                return rearchive.answer(session, current);
            }
        };
    }

    private interface NotFound {
        void run(String sessionId, String threadId, Archiver archiver);
    }

    private static ArchiveRules whenNotFound(ArchiveRules rules, NotFound effect) {
        return new Forwarding(rules) {
            @Override
            public void whenNotFound(String sessionId, String threadId, Archiver archiver) {
                effect.run(sessionId, threadId, archiver);
                super.whenNotFound(sessionId, threadId, archiver);
            }
        };
    }

    /** Rules that do what {@code delegate} does; a fault overrides one step. */
    private static class Forwarding implements ArchiveRules {
        private final ArchiveRules delegate;

        Forwarding(ArchiveRules delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean enforces(Reason reason) {
            return delegate.enforces(reason);
        }

        @Override
        public void whenRefused(Session session, SessionThread current, Reason reason, Archiver archiver) {
            delegate.whenRefused(session, current, reason, archiver);
        }

        @Override
        public Optional<SessionThread> rearchive(Session session, SessionThread current) {
            return delegate.rearchive(session, current);
        }

        @Override
        public void whenNotFound(String sessionId, String threadId, Archiver archiver) {
            delegate.whenNotFound(sessionId, threadId, archiver);
        }
    }
}
