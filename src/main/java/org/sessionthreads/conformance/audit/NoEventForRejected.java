package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;

/** {@link Invariant#NO_EVENT_FOR_REJECTED}: no terminated event for a thread whose archives were all rejected. */
final class NoEventForRejected implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            List<ArchiveJournal.Entry> named = facts.requestsNaming(thread.id());
            List<Event> terminated = facts.terminated(thread.id());
            if (!named.isEmpty() && facts.accepted(thread.id()).isEmpty() && !terminated.isEmpty()) {
                violations.add(new Violation(Invariant.NO_EVENT_FOR_REJECTED, facts.where(thread)
                        + ": terminated event" + Evidence.briefs(terminated)
                        + " although every archive of it was rejected: " + Evidence.requests(named)));
            }
        }
        return violations;
    }
}
