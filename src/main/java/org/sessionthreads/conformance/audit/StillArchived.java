package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Invariant#STILL_ARCHIVED}: a thread whose archive was answered 200 shows the archived status
 * ({@code readings.archived_status}) and the {@code archived_at} of that answer (compared as an instant). Where
 * several archives of one thread were answered 200 (archives that raced, a re-archive answered 200), every answer is
 * held to it, and the first that disagrees is named: which of racing answers the journal recorded first is a matter
 * of scheduling, and the verdict must not depend on it.
 */
final class StillArchived implements InvariantJudge {
    private final String archivedStatus;

    StillArchived(String archivedStatus) {
        this.archivedStatus = archivedStatus;
    }

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            facts.everyAccepted(thread.id()).stream().filter(accepted -> !archivedStatus.equals(thread.status())
                    || !Evidence.sameInstant(accepted.archivedAt(), thread.archivedAt())).findFirst().ifPresent(accepted ->
                    violations.add(new Violation(Invariant.STILL_ARCHIVED, facts.where(thread)
                            + ": archive answered 200 at " + accepted.answeredAt() + " (" + accepted.requestId()
                            + ") with archived_at " + accepted.archivedAt() + ", but GET now shows "
                            + thread.state())));
        }
        return violations;
    }
}
