package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * {@link Invariant#ONE_TERMINATED_EVENT}: exactly one terminated event in the history of a thread whose archive was
 * answered 200, and none listed twice in the newest-first page (one page with {@code order=desc}, the way the
 * suite's cursors look for their starting mark). A page the target did not answer with a list is not judged.
 */
final class OneTerminatedEvent implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        facts.session().newestFirst().ifPresent(page -> Evidence.repeated(page.events(),
                e -> EventMatcher.THREAD_STATUS_TERMINATED.equals(e.type()) ? e.sessionThreadId() : null)
                .forEach((thread, listed) -> violations.add(new Violation(Invariant.ONE_TERMINATED_EVENT,
                        "session " + facts.session().sessionId() + ", thread " + thread
                                + ": its terminated event is listed " + listed.size()
                                + " times in the newest-first page (" + page.summary() + ")"))));
        for (ThreadView thread : facts.threads()) {
            ArchiveJournal.Entry accepted = facts.accepted(thread.id()).orElse(null);
            List<Event> terminated = facts.terminated(thread.id());
            if (accepted != null && terminated.size() != 1) {
                violations.add(new Violation(Invariant.ONE_TERMINATED_EVENT, facts.where(thread) + ": "
                        + terminated.size() + " terminated events after its archive answered 200 ("
                        + accepted.requestId() + ")" + Evidence.briefs(terminated)));
            }
        }
        return violations;
    }
}
