package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ArchiveJournal;
import org.sessionthreads.conformance.client.Event;

/**
 * {@link Invariant#ONLY_NAMED_THREADS_ARCHIVED}: a thread no archive of which was answered 200 shows no
 * {@code archived_at} and no {@code archive} stop reason, and, when no request named it at all, has no terminated
 * event (one named only by rejected requests is {@link NoEventForRejected}'s).
 */
final class OnlyNamedThreadsArchived implements InvariantJudge {

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ThreadView thread : facts.threads()) {
            if (facts.accepted(thread.id()).isPresent()) {
                continue;
            }
            List<ArchiveJournal.Entry> named = facts.requestsNaming(thread.id());
            if (thread.archivedAt() != null || "archive".equals(thread.stopReasonType())) {
                violations.add(new Violation(Invariant.ONLY_NAMED_THREADS_ARCHIVED, facts.where(thread) + " ("
                        + thread.role() + ") is archived (" + thread.state()
                        + ") but no archive of it was answered 200" + (named.isEmpty() ? "; no request named it"
                        : "; requests naming it: " + Evidence.requests(named))));
            }
            List<Event> terminated = facts.terminated(thread.id());
            if (!terminated.isEmpty() && named.isEmpty()) {
                violations.add(new Violation(Invariant.ONLY_NAMED_THREADS_ARCHIVED, facts.where(thread)
                        + ": terminated event" + Evidence.briefs(terminated) + " although no request archived it"));
            }
        }
        return violations;
    }
}
