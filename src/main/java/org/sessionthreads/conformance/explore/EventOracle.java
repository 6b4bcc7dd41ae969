package org.sessionthreads.conformance.explore;

import java.util.List;

/**
 * Reads every documented event view of a fixture's session (the lists in both orders, with every documented filter
 * spelling and in small pages, and the stream, fresh and resumed), checks that they agree with each other, and checks
 * what they show against the rules for events, the mailbox and the waiting coordinator, given what the sequence did.
 * An empty list means no rule was broken; a view the target does not offer is not a violation.
 */
public interface EventOracle {
    List<Violation> check(ArchiveFacts facts);
}
