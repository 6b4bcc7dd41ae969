package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * What must not follow a thread's first terminated event in its history: a mailbox delivery
 * ({@link Invariant#NO_DELIVERY_AFTER_TERMINATED}) or another status event
 * ({@link Invariant#NO_STATUS_AFTER_TERMINATED}).
 */
final class NothingAfterTerminated implements InvariantJudge {
    private final Invariant invariant;
    private final Predicate<Event> unwanted;
    private final String what;

    private NothingAfterTerminated(Invariant invariant, Predicate<Event> unwanted, String what) {
        this.invariant = invariant;
        this.unwanted = unwanted;
        this.what = what;
    }

    /** No message is delivered to a thread after its terminated event. */
    static NothingAfterTerminated deliveries() {
        return new NothingAfterTerminated(Invariant.NO_DELIVERY_AFTER_TERMINATED,
                e -> EventMatcher.THREAD_MESSAGE_RECEIVED.equals(e.type()), "message delivered");
    }

    /** No status event besides the terminated one follows a thread's terminated event. */
    static NothingAfterTerminated statuses() {
        return new NothingAfterTerminated(Invariant.NO_STATUS_AFTER_TERMINATED, e -> e.type() != null
                && e.type().startsWith(AuditFacts.STATUS_EVENT_PREFIX)
                && !EventMatcher.THREAD_STATUS_TERMINATED.equals(e.type()), "status event");
    }

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            List<Event> after = facts.afterTerminated(thread.id()).stream().filter(unwanted).toList();
            if (!after.isEmpty()) {
                violations.add(new Violation(invariant, facts.where(thread) + ": " + what
                        + " after its terminated event" + Evidence.briefs(facts.terminated(thread.id()).subList(0, 1))
                        + ":" + Evidence.briefs(after)));
            }
        }
        return violations;
    }
}
