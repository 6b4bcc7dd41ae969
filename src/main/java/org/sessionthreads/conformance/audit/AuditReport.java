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
 */
public record AuditReport(Map<Invariant, List<String>> violations, List<String> problems, String scope,
                          Duration took) {

    public AuditReport {
        violations = Map.copyOf(violations);
        problems = List.copyOf(problems);
    }

    public List<String> violationsOf(Invariant invariant) {
        return violations.getOrDefault(invariant, List.of());
    }
}
