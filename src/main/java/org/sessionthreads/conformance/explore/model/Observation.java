package org.sessionthreads.conformance.explore.model;

import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.SessionThread;

/**
 * What the documented thread views showed after a step: GET of the child and of the coordinator, the session's
 * thread list (all pages), the list read in pages of one, and GET of the other session's child. A view that could not
 * be read is absent, with the reason in {@code problems} (never a violation: nothing was judged on it).
 */
public record Observation(Optional<SessionThread> child, Optional<SessionThread> coordinator,
                          Optional<List<SessionThread>> list, Optional<List<SessionThread>> smallPages,
                          Optional<SessionThread> otherChild, List<Exchange> exchanges, List<String> problems) {
    public Observation {
        exchanges = List.copyOf(exchanges);
        problems = List.copyOf(problems);
    }

    /** The thread {@code id} as the list showed it (empty when the list was not read or does not hold it). */
    public Optional<SessionThread> listed(String id) {
        return list.flatMap(threads -> threads.stream().filter(t -> id.equals(t.id())).findFirst());
    }

    /** The thread {@code id} as the list in pages of one showed it. */
    public Optional<SessionThread> paged(String id) {
        return smallPages.flatMap(threads -> threads.stream().filter(t -> id.equals(t.id())).findFirst());
    }
}
