package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/** {@link Invariant#NO_STATUS_AFTER_TERMINATED}: no status event follows a thread's terminated event. */
final class NoStatusAfterTerminated implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            List<Event> statuses = facts.afterTerminated(thread.id()).stream().filter(e -> e.type() != null
                    && e.type().startsWith(AuditFacts.STATUS_EVENT_PREFIX)
                    && !EventMatcher.THREAD_STATUS_TERMINATED.equals(e.type())).toList();
            if (!statuses.isEmpty()) {
                violations.add(new Violation(Invariant.NO_STATUS_AFTER_TERMINATED, facts.where(thread)
                        + ": status event after its terminated event"
                        + Evidence.briefs(facts.terminated(thread.id()).subList(0, 1)) + ":"
                        + Evidence.briefs(statuses)));
            }
        }
        return violations;
    }
}
