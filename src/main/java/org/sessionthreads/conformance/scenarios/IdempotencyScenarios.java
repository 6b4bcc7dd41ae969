package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.RequestOptions;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.events.EventCursor;
import org.sessionthreads.conformance.events.SessionEvents;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.Capability;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;
import org.sessionthreads.conformance.junit.RequiresCapability;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Archive with an {@code Idempotency-Key} (Forward API): one logical attempt however often it is sent. Only for
 * targets whose profile declares {@code capabilities.idempotency_key}; DISABLED elsewhere (on each method, so the
 * reason is reported per scenario).
 */
@ConformanceScenarios
public class IdempotencyScenarios {

    @Requirement("IDEM-001")
    @RequiresCapability(Capability.IDEMPOTENCY_KEY)
    @EventChannelTest
    void theSameKeyReplaysTheAnswerWithoutASecondTransition(Fixtures fixtures, ThreadsApi threads,
                                                            SessionEvents sessionEvents) {
        Fixture child = fixtures.idleChild();
        EventCursor events = sessionEvents.openFor(child.sessionId(), child.lastEventId());
        RequestOptions once = RequestOptions.idempotent();
        ApiResponse first = events.timed(() -> threads.archive(child.thread(), once));

        ApiResponse replay = threads.archive(child.thread(), once);

        assertThat(first).hasStatus(200);
        assertThat(replay).hasStatus(200).thread().hasSameFinalStateAs(first.thread());
        events.awaitTermination(child.threadId()).assertOnce();
    }

    @Requirement("IDEM-002")
    @RequiresCapability(Capability.IDEMPOTENCY_KEY)
    @Test
    void theSameKeyForAnotherThreadAnswers409(Fixtures fixtures, ThreadsApi threads) {
        Fixture first = fixtures.idleChild();
        Fixture other = fixtures.idleChild();
        SessionThread before = assertThat(threads.get(other.thread())).hasStatus(200).thread().actual();
        RequestOptions key = RequestOptions.idempotent();
        assertThat(threads.archive(first.thread(), key)).hasStatus(200);

        ApiResponse reused = threads.archive(other.thread(), key);

        assertThat(reused).hasStatus(409).conformsTo(Schemas.ERROR_ENVELOPE);
        assertThat(threads.get(other.thread())).hasStatus(200).thread().isUnchangedSince(before);
    }
}
