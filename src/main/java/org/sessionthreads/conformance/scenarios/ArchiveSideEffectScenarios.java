package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.PendingMessage;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;

/**
 * What archive does around the thread: the mailbox, and the coordinator that waits on the child. Each scenario runs
 * once per event channel the profile offers.
 */
@ConformanceScenarios
public class ArchiveSideEffectScenarios {

    @Requirement("MBX-001")
    @EventChannelTest
    void pendingMailboxMessagesAreNeverDelivered(Fixtures fixtures, ThreadsApi threads,
                                                 SessionEvents sessionEvents, Timeouts timeouts, Readings readings) {
        Archived archived = fixtures.whileFresh(FixtureKind.CHILD_WITH_PENDING_MESSAGE, child -> {
            // why: the archive must beat the queued delivery; with the fixture's last_event_id nothing else goes first
            EventCursor events = sessionEvents.forTimeCriticalAct(child.sessionId(), child.lastEventId());
            ApiResponse answer = threads.archive(child.thread());
            PendingMessage.requireArchivedBeforeDelivery(answer, child, () -> threads.get(child.thread()));
            assertThat(answer).hasStatus(200);
            return new Archived(child, events);
        });

        archived.events().assertNoneDuring(EventMatcher.mailboxMessageOf(archived.child().threadId()),
                archived.child().deliverAfter().plus(timeouts.quiet()));
        assertThat(threads.get(archived.child().thread())).hasStatus(200).thread()
                .hasStatus(readings.archivedStatus());
    }

    /**
     * A child archived before its pending message was due, and its cursor: placed after the fixture's newest event
     * (read after the archive) or, without one, opened before the archive. Either way it sees every event after
     * the fixture was ready.
     */
    private record Archived(Fixture child, EventCursor events) {
    }

    @Requirement("UNB-001")
    @EventChannelTest
    void theWaitingCoordinatorReceivesAgentCancelled(Fixtures fixtures, ThreadsApi threads,
                                                     SessionEvents sessionEvents) {
        Fixture child = fixtures.waitingCoordinator();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());

        assertThat(threads.archive(child.thread())).hasStatus(200);

        Event result = events.awaitFirst(EventMatcher.toolResult(child.toolUseId()));
        assertThat(result).isOnThread(child.coordinatorThreadId()).hasTextContaining("Agent cancelled.");
    }

    @Requirement("UNB-002")
    @EventChannelTest
    void theCoordinatorResumesAfterAgentCancelled(Fixtures fixtures, ThreadsApi threads,
                                                  SessionEvents sessionEvents) {
        Fixture child = fixtures.waitingCoordinator();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());

        assertThat(threads.archive(child.thread())).hasStatus(200);

        Event result = events.awaitFirst(EventMatcher.toolResult(child.toolUseId()));
        events.awaitFirstAfter(result,
                EventMatcher.ofType(EventMatcher.THREAD_STATUS_RUNNING, child.coordinatorThreadId()));
    }
}
