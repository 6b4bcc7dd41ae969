package org.sessionthreads.conformance.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the end-of-run audit read and found.
 *
 * @param violations per invariant, one line of evidence per violation (session, thread, events with ids and times)
 * @param problems   why the audit could not read something (an unreadable list or event page, a bound reached);
 *                   they make every invariant's result an ERROR, never a pass
 * @param scope      one line: sessions, threads, events, pages and archive answers read, settle and time taken
 * @param threads    threads read (through GET and the list) across the sessions audited; none means the audit
 *                   judged nothing: no invariant can hold or break over a run that left no session to read
 */
public record AuditReport(Map<Invariant, List<String>> violations, List<String> problems, String scope,
                          Duration took, int threads) {

    public AuditReport {
        violations = Map.copyOf(violations);
        problems = List.copyOf(problems);
    }

    /** True when the run left the audit no thread to read (e.g. no scenario obtained a fixture). */
    public boolean judgedNothing() {
        return threads == 0;
    }

    public List<String> violationsOf(Invariant invariant) {
        return violations.getOrDefault(invariant, List.of());
    }
}
