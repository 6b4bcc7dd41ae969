package org.sessionthreads.conformance.audit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.audit.AuditedSession.ReadThread;
import org.sessionthreads.conformance.audit.AuditedSession.Reread;

/**
 * {@link Invariant#LIST_AGREES_WITH_GET}: the list shows every thread as GET does (status, stop_reason,
 * archived_at). A live thread may move between the two reads, so only a disagreement that the second read shows
 * again counts.
 */
final class ListAgreesWithGet implements InvariantJudge {

    /** Whether the first reads agree; when they do not, the reader reads both again. */
    static boolean agree(ThreadView viaGet, ThreadView viaList) {
        return viaList != null && viaGet.sameState(viaList);
    }

    @Override
    public List<Violation> judge(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (ReadThread read : facts.session().threads()) {
            if (agree(read.viaGet(), read.viaList()) || read.reread().map(Reread::agrees).orElse(false)) {
                continue;
            }
            violations.add(new Violation(Invariant.LIST_AGREES_WITH_GET, "session " + facts.session().sessionId()
                    + ", thread " + read.threadId() + ": GET " + read.viaGet().state() + " ("
                    + read.getRequestId() + ") but the list "
                    + (read.viaList() == null ? "does not contain it" : "shows " + read.viaList().state())
                    + " (" + read.reread().map(again -> "read twice, " + again.listRequestId()).orElse("read once")
                    + ")"));
        }
        return violations;
    }
}
