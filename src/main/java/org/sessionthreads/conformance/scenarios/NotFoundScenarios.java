package org.sessionthreads.conformance.scenarios;

import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionthreads.conformance.audit.SessionSnapshot;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.UnknownIds;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.Requirement;
import org.sessionthreads.conformance.config.Readings;

/**
 * Archiving something that does not exist answers 404 not_found_error, and changes nothing: neither the session
 * named nor, when the thread id is real, the session the thread really belongs to.
 */
@ConformanceScenarios
public class NotFoundScenarios {

    /** Sessions that do not exist, each paired with a real thread id (of another session). */
    enum MissingSession {
        UNKNOWN_SESSION_ID(child -> new ThreadRef(UnknownIds.session(), child.threadId())),
        SESSION_ID_WITHOUT_PREFIX(child -> new ThreadRef(child.sessionId().replaceFirst("^sess_", "session-"),
                child.threadId())),
        PREFIX_ONLY_SESSION_ID(child -> new ThreadRef("sess_", child.threadId()));

        private final Function<Fixture, ThreadRef> ref;

        MissingSession(Function<Fixture, ThreadRef> ref) {
            this.ref = ref;
        }
    }

    /** Threads that do not exist in an existing session. */
    enum MissingThread {
        UNKNOWN_THREAD_ID(fixtures -> new ThreadRef(fixtures.idleChild().sessionId(), UnknownIds.thread())),
        THREAD_ID_WITHOUT_PREFIX(fixtures -> {
            Fixture child = fixtures.idleChild();
            return new ThreadRef(child.sessionId(), child.threadId().replaceFirst("^sthr_", "thread-"));
        }),
        THREAD_OF_ANOTHER_SESSION(fixtures -> new ThreadRef(fixtures.idleChild().sessionId(),
                fixtures.idleChild().threadId()));

        private final Function<Fixtures, ThreadRef> ref;

        MissingThread(Function<Fixtures, ThreadRef> ref) {
            this.ref = ref;
        }
    }

    @Requirement("NF-001")
    @ParameterizedTest(name = "{0}")
    @EnumSource(MissingSession.class)
    void archivingInAMissingSessionAnswers404(MissingSession missing, Fixtures fixtures, ThreadsApi threads,
                                              Readings readings) {
        Fixture real = fixtures.idleChild();
        ThreadRef target = missing.ref.apply(real);
        SessionSnapshot realSession = SessionSnapshot.of(threads, real.sessionId());

        assertThat(threads.archive(target)).isErrorOfType(404, readings.missingSessionErrorTypes());
        realSession.assertNothingChanged(threads); // why: the thread id is real, only its session is not
    }

    @Requirement("NF-002")
    @ParameterizedTest(name = "{0}")
    @EnumSource(MissingThread.class)
    void archivingAMissingThreadAnswers404(MissingThread missing, Fixtures fixtures, ThreadsApi threads) {
        ThreadRef target = missing.ref.apply(fixtures);
        SessionSnapshot sessions = SessionSnapshot.of(threads, fixtures.sessionIds().toArray(String[]::new));

        assertThat(threads.archive(target)).isError(404, "not_found_error");
        sessions.assertNothingChanged(threads); // why: also the session a foreign thread really belongs to
    }
}
