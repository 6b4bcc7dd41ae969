package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/** {@link Invariant#NO_DELIVERY_AFTER_TERMINATED}: no message is delivered to a thread after its terminated event. */
final class NoDeliveryAfterTerminated implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            List<Event> deliveries = facts.afterTerminated(thread.id()).stream()
                    .filter(e -> EventMatcher.THREAD_MESSAGE_RECEIVED.equals(e.type())).toList();
            if (!deliveries.isEmpty()) {
                violations.add(new Violation(Invariant.NO_DELIVERY_AFTER_TERMINATED, facts.where(thread)
                        + ": message delivered after its terminated event"
                        + Evidence.briefs(facts.terminated(thread.id()).subList(0, 1)) + ":"
                        + Evidence.briefs(deliveries)));
            }
        }
        return violations;
    }
}
