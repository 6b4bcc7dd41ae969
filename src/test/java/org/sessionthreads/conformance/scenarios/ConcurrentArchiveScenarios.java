package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.Requirement;

/** Several clients archiving the same child at once. */
@ConformanceScenarios
class ConcurrentArchiveScenarios {
    private static final int SIMULTANEOUS_REQUESTS = 8;

    @Requirement("CONC-001")
    @Test
    void simultaneousArchivesTransitionOnce(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents,
                                            Timeouts timeouts) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId());

        List<ApiResponse> answers = threads.archiveConcurrently(child.thread(), SIMULTANEOUS_REQUESTS);

        assertThat(answers).transitionedOnce();
        Event first = events.awaitFirst(EventMatcher.terminated(child.threadId()));
        events.assertNoneDuring(EventMatcher.terminated(child.threadId()).other(first), timeouts.quiet());
    }
}
