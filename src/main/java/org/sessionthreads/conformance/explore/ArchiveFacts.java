package org.sessionthreads.conformance.explore;

import java.util.List;

import org.sessionthreads.conformance.fixture.Fixture;

/**
 * What a sequence of steps did to one fixture so far, as the event, mailbox and coordinator rules need it: the
 * fixture (its kind, session, coordinator, child, tool use id and delivery delay) and every archive request in order.
 *
 * @param fixture  the fixture the sequence started from
 * @param attempts the archive requests sent so far, in the order they were sent
 * @param waited   true when the sequence has waited (a wait step) since its last archive request
 */
public record ArchiveFacts(Fixture fixture, List<ArchiveAttempt> attempts, boolean waited) {
    public ArchiveFacts {
        attempts = List.copyOf(attempts);
    }
}
