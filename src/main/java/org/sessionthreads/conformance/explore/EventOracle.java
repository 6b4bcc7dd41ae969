package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.fixture.Fixture;

/**
 * Reads every documented event view of a fixture's session (the lists in both orders, with every documented filter
 * spelling and in small pages, and the stream, fresh and resumed), checks that they agree with each other, and checks
 * what they show against the rules for events, the mailbox and the waiting coordinator, given what the sequence did.
 * An empty list means no rule was broken; a view the target does not offer is not a violation.
 */
public interface EventOracle {
    List<Violation> check(ArchiveFacts facts);

    /**
     * Starts following the fixture's session (its plain list from the fixture's newest event, its live stream),
     * judging nothing: called once a fixture is made, before the sequence's first step. Nothing by default.
     */
    default void open(Fixture fixture) {
    }

    /**
     * Reads the session's plain event list while what the accepted archives of {@code facts} must bring is due
     * (their terminated events, within the profile's time limits), judging nothing: called right after a step
     * whose archive was accepted, so that a later {@link #check} can prove an event late or missing by a read made
     * in time, whatever steps came between. Nothing by default.
     */
    default void observe(ArchiveFacts facts) {
    }
}
