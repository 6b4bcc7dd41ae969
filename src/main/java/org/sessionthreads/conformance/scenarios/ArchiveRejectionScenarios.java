package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.audit.SessionSnapshot;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.Requirement;

/** Threads that cannot be archived: the coordinator, and a child that is not idle. */
@ConformanceScenarios
public class ArchiveRejectionScenarios {

    @Requirement("COORD-001")
    @Test
    void aCoordinatorCannotBeArchived(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture session = fixtures.idleChild();

        ApiResponse response = threads.archive(session.coordinator());

        assertThat(response).isConflict(readings, "coordinator_thread_not_archivable");
    }

    @Requirement("COORD-002")
    @Test
    void aRejectedCoordinatorArchiveChangesNothing(Fixtures fixtures, ThreadsApi threads) {
        Fixture session = fixtures.idleChild();
        SessionThread before = assertThat(threads.get(session.coordinator())).hasStatus(200).thread().actual();
        SessionSnapshot sessionThreads = SessionSnapshot.of(threads, session.sessionId());

        threads.archive(session.coordinator());

        assertThat(threads.get(session.coordinator())).hasStatus(200).thread().isUnchangedSince(before);
        sessionThreads.assertNothingChanged(threads);
    }

    @Requirement("IDLE-001")
    @Test
    void aRunningChildCannotBeArchived(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture child = fixtures.runningChild();

        ApiResponse response = threads.archive(child.thread());

        assertThat(response).isConflict(readings, "thread_not_idle");
    }

    @Requirement("IDLE-002")
    @Test
    void aRejectedRunningChildArchiveChangesNothing(Fixtures fixtures, ThreadsApi threads) {
        Fixture child = fixtures.runningChild();
        SessionThread before = assertThat(threads.get(child.thread())).hasStatus(200).thread().actual();
        SessionSnapshot sessionThreads = SessionSnapshot.of(threads, child.sessionId());

        threads.archive(child.thread());

        assertThat(threads.get(child.thread())).hasStatus(200).thread().isUnchangedSince(before);
        sessionThreads.assertNothingChanged(threads);
    }
}
