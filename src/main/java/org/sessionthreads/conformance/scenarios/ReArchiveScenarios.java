package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.events.Termination;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;

/** Archiving a thread that is already archived. */
@ConformanceScenarios
public class ReArchiveScenarios {

    @Requirement("REA-001")
    @Test
    void reArchivingAnswersTheUnchangedThreadOr409(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture child = fixtures.idleChild();
        SessionThread archived = assertThat(threads.archive(child.thread())).hasStatus(200).thread().actual();
        SessionThread stored = assertThat(threads.get(child.thread())).hasStatus(200).thread().actual();

        assertThat(threads.archive(child.thread())).isReArchiveAnswer(readings, archived, stored);

        assertThat(threads.get(child.thread())).hasStatus(200).thread().hasSameFinalStateAs(archived)
                .isUnchangedSince(stored);
    }

    @Requirement("REA-002")
    @EventChannelTest
    void reArchivingEmitsNoSecondEvent(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());
        ApiResponse first = events.timed(() -> threads.archive(child.thread()));
        assertThat(first).hasStatus(200);
        Termination termination = events.awaitTermination(child.threadId());

        threads.archive(child.thread());

        termination.assertOnce();
    }
}
