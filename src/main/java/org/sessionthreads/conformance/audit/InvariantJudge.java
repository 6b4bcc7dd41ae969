package org.sessionthreads.conformance.audit;

import java.util.List;

import org.sessionthreads.conformance.config.Readings;

/**
 * Judges one session's recorded facts against one or more {@link Invariant}s: pure, no I/O, no waiting; the same
 * facts give the same violations, in the same order.
 */
public interface InvariantJudge {

    List<Violation> judge(AuditFacts facts);

    /** Every judge of the end-of-run audit, one per invariant. */
    static List<InvariantJudge> all(Readings readings) {
        return List.of(new OneResultPerToolCall(), new OneTerminatedEvent(), new ListAgreesWithGet(),
                new StillArchived(readings.archivedStatus()), new OnlyNamedThreadsArchived(),
                new NoEventForRejected(), NothingAfterTerminated.deliveries(),
                NothingAfterTerminated.statuses());
    }
}
