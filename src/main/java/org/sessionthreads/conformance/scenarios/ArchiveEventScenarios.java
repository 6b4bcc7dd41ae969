package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import java.util.function.Function;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Archive emits one session.thread_status_terminated event, promptly, and a rejected archive emits none. Each
 * scenario runs once per event channel the profile offers (polling, SSE).
 */
@ConformanceScenarios
public class ArchiveEventScenarios {

    /** Archive requests the target must reject (409), by the thread they name. */
    enum RejectedArchive {
        COORDINATOR(fixtures -> fixtures.idleChild().coordinator()),
        RUNNING_CHILD(fixtures -> fixtures.runningChild().thread());

        private final Function<Fixtures, ThreadRef> thread;

        RejectedArchive(Function<Fixtures, ThreadRef> thread) {
            this.thread = thread;
        }
    }

    @Requirement("EVT-001")
    @EventChannelTest
    void archiveEmitsTheTerminatedEvent(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());

        ApiResponse answer = events.timed(() -> threads.archive(child.thread()));

        assertThat(answer).hasStatus(200);
        Event terminated = events.awaitTermination(child.threadId()).event();
        assertThat(terminated).conformsTo(Schemas.EVENT_THREAD_STATUS_TERMINATED).hasStopReasonType("archive");
    }

    @Requirement("EVT-002")
    @EventChannelTest
    void archiveEmitsTheTerminatedEventOnce(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());

        ApiResponse answer = events.timed(() -> threads.archive(child.thread()));

        assertThat(answer).hasStatus(200);
        events.awaitTermination(child.threadId()).assertOnce();
    }

    @Requirement("EVT-003")
    @EventChannelTest(cases = RejectedArchive.class)
    void aRejectedArchiveEmitsNoTerminatedEvent(RejectedArchive rejected, Fixtures fixtures, ThreadsApi threads,
                                                SessionEvents sessionEvents, Timeouts timeouts) {
        ThreadRef thread = rejected.thread.apply(fixtures);
        EventCursor events = sessionEvents.openFor(thread.sessionId());

        assertThat(threads.archive(thread)).hasStatus(409);

        events.assertNoneDuring(EventMatcher.terminated(thread.threadId()), timeouts.quiet());
    }

    @Requirement("EVT-004")
    @EventChannelTest
    void theTerminatedEventArrivesPromptly(Fixtures fixtures, ThreadsApi threads, SessionEvents sessionEvents) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());

        ApiResponse answer = events.timed(() -> threads.archive(child.thread()));

        assertThat(answer).hasStatus(200);
        events.awaitTermination(child.threadId()).assertOnTime();
    }
}
