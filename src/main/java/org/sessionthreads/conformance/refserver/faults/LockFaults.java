package org.sessionthreads.conformance.refserver.faults;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveLock;
import org.sessionthreads.conformance.refserver.lifecycle.ResourceNotFoundException;
import org.sessionthreads.conformance.refserver.lifecycle.ServerFailureException;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadTransitions;
import org.sessionthreads.conformance.refserver.model.SessionThread;
import org.sessionthreads.conformance.refserver.model.StopReason;
import org.sessionthreads.conformance.refserver.model.ThreadStatus;
import org.sessionthreads.conformance.refserver.store.Session;

/** The faults of the archive's guard against concurrent archives: each replaces the session lock. */
final class LockFaults {
    /** How long the racy faults hold the check-then-act window open, so that racing requests meet. */
    static final long RACE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    private LockFaults() {
    }

    static ArchiveLock substitute(Fault fault, ThreadTransitions transitions) {
        return switch (fault) {
            case RACY_ARCHIVE -> new Widened((owner, threadId, readCheckAct) -> readCheckAct.get());
            case CONTENDED_ARCHIVE_FAILS -> new Widened((owner, threadId, readCheckAct) -> owner
                    .tryExclusively(readCheckAct)
                    .orElseThrow(() -> new ServerFailureException("could not lock session " + owner.id())));
            case RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT -> new Optimistic(transitions);
            default -> throw FaultInjection.notOfThisSeam(fault, "archive lock");
        };
    }

    /** A guard with a wider check-then-act window. */
    private record Widened(ArchiveLock guard) implements ArchiveLock {
        @Override
        public SessionThread guard(Session owner, String threadId, Supplier<SessionThread> readCheckAct) {
            return guard.guard(owner, threadId, readCheckAct);
        }

        @Override
        public void betweenCheckAndAct() {
            LockSupport.parkNanos(RACE_WINDOW_NANOS);
        }
    }

    /**
     * {@link Fault#RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT}: read, stop the runtime, then a conditional write that only
     * the first of racing archives wins; a loser answers the thread it computed, not the stored one.
     */
    private record Optimistic(ThreadTransitions transitions) implements ArchiveLock {
        @Override
        public SessionThread guard(Session owner, String threadId, Supplier<SessionThread> readCheckAct) {
            SessionThread seen = owner.thread(threadId).orElseThrow(() -> ResourceNotFoundException.thread(threadId));
            if (seen.isCoordinator() || seen.status() != ThreadStatus.IDLE) {
                return owner.exclusively(readCheckAct);
            }
            LockSupport.parkNanos(RACE_WINDOW_NANOS); // the runtime is asked to stop the child's container
            return owner.exclusively(() -> {
                SessionThread current = owner.thread(threadId)
                        .orElseThrow(() -> ResourceNotFoundException.thread(threadId));
                if (current.status() == ThreadStatus.IDLE) {
                    return readCheckAct.get();
                }
                // "update ... where status = 'idle'" matched no row; the count it returned is not looked at
                Instant now = transitions.now();
                if (current.archivedAt() != null && !now.isAfter(current.archivedAt())) {
                    now = current.archivedAt().plusMillis(1);
                }
                return seen.archived(StopReason.ARCHIVE, now, now);
            });
        }
    }
}
