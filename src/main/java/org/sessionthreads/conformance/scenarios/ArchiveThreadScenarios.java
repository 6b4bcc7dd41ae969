package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.assertions.ThreadAssert;
import org.sessionthreads.conformance.audit.SessionSnapshot;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.Requirement;

/** Archiving an idle child thread: the answer and the stored state. */
@ConformanceScenarios
public class ArchiveThreadScenarios {

    @Requirement("ARCH-001")
    @Test
    void archivingAnIdleChildReturnsTheThread(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture child = fixtures.idleChild();

        ApiResponse response = threads.archive(child.thread());

        ThreadAssert thread = assertThat(response).hasStatus(200).thread()
                .hasId(child.threadId()).belongsToSession(child.sessionId());
        if (readings.threadHasRole()) { // why: the CAS export's thread has no role (docs/dialects.md)
            thread.hasRole("child");
        }
    }

    @Requirement("ARCH-002")
    @Test
    void theThreadBecomesArchivedWithStopReasonArchive(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture child = fixtures.idleChild();

        ApiResponse response = threads.archive(child.thread());

        ThreadAssert thread = assertThat(response).hasStatus(200).thread().hasStatus(readings.archivedStatus());
        if (readings.threadHasStopReason()) { // why: the CAS export's thread has no stop_reason
            thread.hasStopReasonType("archive");
        } else {
            thread.hasArchivedAtNotBeforeCreatedAt(); // its archived thread is "terminated + archived_at"
        }
    }

    @Requirement("ARCH-003")
    @Test
    void archivedAtIsSetAndNotBeforeCreatedAt(Fixtures fixtures, ThreadsApi threads) {
        Fixture child = fixtures.idleChild();

        ApiResponse response = threads.archive(child.thread());

        assertThat(response).hasStatus(200).thread().hasArchivedAtNotBeforeCreatedAt();
    }

    @Requirement("ARCH-004")
    @Test
    void aLaterReadShowsTheArchivedState(Fixtures fixtures, ThreadsApi threads, Readings readings) {
        Fixture child = fixtures.idleChild();

        ApiResponse archived = threads.archive(child.thread());
        ApiResponse later = threads.get(child.thread());

        assertThat(archived).hasStatus(200);
        assertThat(later).hasStatus(200).thread()
                .hasStatus(readings.archivedStatus()).hasSameFinalStateAs(archived.thread());
    }

    @Requirement("ISO-001")
    @Test
    void archivingAChildLeavesEveryOtherThreadAlone(Fixtures fixtures, ThreadsApi threads) {
        Fixture child = fixtures.idleChild();
        Fixture elsewhere = fixtures.idleChild();
        SessionSnapshot sessions = SessionSnapshot.of(threads, child.sessionId(), elsewhere.sessionId());

        assertThat(threads.archive(child.thread())).hasStatus(200);

        sessions.assertOnlyArchived(threads, child.threadId());
    }
}
