package org.sessionthreads.conformance.assertions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionthreads.conformance.assertions.ConformanceAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.SessionThread;
import org.sessionthreads.conformance.config.Readings;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * Each assertion method passes on a good value and fails on a bad one with the "Expecting … but …" message a user
 * reads, naming the exchange. Answers are served over HTTP and read through the suite's real client.
 */
class AssertionMessagesTest {
    private static final String JSON = "application/json";
    private static final String CONFLICT = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
            + "\"message\":\"thread is not idle\"}}";
    private final ServedAnswers served = new ServedAnswers(Secret.of("tok-assertion-messages-123456"));
    private final Readings readings = new Readings("archived", "invalid_request_error", Readings.Rearchive.EITHER);

    @AfterEach
    void stop() {
        served.close();
    }

    private static String archivedThread() {
        try {
            return Files.readString(Path.of("src/test/resources/schema-examples/archive-response.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ApiResponse thread200() {
        return served.answer(200, JSON, archivedThread());
    }

    private ApiResponse conflict() {
        return served.answer(409, JSON, CONFLICT);
    }

    @Nested
    class Responses {

        @Test
        void hasStatus() {
            ApiResponse response = conflict();

            assertThatCode(() -> assertThat(response).hasStatus(409)).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(response).hasStatus(200)).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expecting status 200 but was 409")
                    .hasMessageContaining("GET http://127.0.0.1:").hasMessageContaining("→ 409 (request_id ")
                    .hasMessageContaining("body: \"{\\\"type\\\":\\\"error\\\"");
        }

        @Test
        void hasStatusIn() {
            ApiResponse response = conflict();

            assertThatCode(() -> assertThat(response).hasStatusIn(List.of(200, 409))).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(response).hasStatusIn(List.of(200, 404)))
                    .hasMessageStartingWith("Expecting status in [200, 404] but was 409");
        }

        @Test
        void conformsTo() {
            assertThatCode(() -> assertThat(thread200()).conformsTo(Schemas.SESSION_THREAD))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(conflict()).conformsTo(Schemas.SESSION_THREAD))
                    .hasMessageStartingWith("Expecting the body to conform to session-thread.schema.json but")
                    .hasMessageContaining("→ 409");
        }

        @Test
        void isError() {
            assertThatCode(() -> assertThat(conflict()).isError(409, "invalid_request_error"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(conflict()).isError(409, "conflict_error"))
                    .hasMessageStartingWith("Expecting error.type \"conflict_error\" but was \"invalid_request_error\""
                            + " (message: thread is not idle)");
            assertThatThrownBy(() -> assertThat(thread200()).isError(409, "invalid_request_error"))
                    .hasMessageStartingWith("Expecting status 409 but was 200");
        }

        @Test
        void isErrorOfType() {
            assertThatCode(() -> assertThat(conflict()).isErrorOfType(409, List.of("invalid_request_error",
                    "conflict_error"))).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(conflict()).isErrorOfType(409, List.of("conflict_error")))
                    .hasMessageStartingWith("Expecting error.type in [conflict_error] but was"
                            + " \"invalid_request_error\" (message: thread is not idle)");
        }

        @Test
        void isConflict() {
            assertThatCode(() -> assertThat(conflict()).isConflict(readings, "thread_not_idle"))
                    .doesNotThrowAnyException();
            Readings conflictError = new Readings("archived", "conflict_error", Readings.Rearchive.EITHER);
            assertThatThrownBy(() -> assertThat(conflict()).isConflict(conflictError, "thread_not_idle"))
                    .hasMessageStartingWith("Expecting error.type \"conflict_error\" but was"
                            + " \"invalid_request_error\" (message: thread is not idle)");
            Readings withCodes = new Readings("archived", "invalid_request_error", Readings.Rearchive.EITHER,
                    org.sessionthreads.conformance.config.Dialect.DEFAULT, true);
            assertThatThrownBy(() -> assertThat(conflict()).isConflict(withCodes, "thread_not_idle"))
                    .hasMessageStartingWith("Expecting error.code \"thread_not_idle\" (readings.error_codes, dialect ")
                    .hasMessageContaining(") but was absent");
        }

        @Test
        void isReArchiveAnswer() {
            SessionThread archived = thread200().thread();
            Readings onlyOk = new Readings("archived", "invalid_request_error", Readings.Rearchive.OK);

            assertThatCode(() -> assertThat(thread200()).isReArchiveAnswer(readings, archived, archived))
                    .doesNotThrowAnyException();
            assertThatCode(() -> assertThat(conflict()).isReArchiveAnswer(readings, archived, archived))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(conflict()).isReArchiveAnswer(onlyOk, archived, archived))
                    .hasMessageStartingWith("Expecting status in [200] but was 409");
            SessionThread touched = served.answer(200, JSON, archivedThread().replace(
                    "\"updated_at\": \"2026-06-15T08:10:00.000Z\"", "\"updated_at\": \"2026-06-15T08:11:00.000Z\""))
                    .thread();
            assertThatThrownBy(() -> assertThat(thread200()).isReArchiveAnswer(readings, archived, touched))
                    .hasMessageStartingWith("Expecting thread sthr_019f00000000000000000000000002bb to have"
                            + " updated_at \"2026-06-15T08:11:00.000Z\" but was \"2026-06-15T08:10:00.000Z\"");
        }

        @Test
        void isLabelledJson() {
            assertThatCode(() -> assertThat(served.answer(409, "application/problem+json; charset=utf-8", CONFLICT))
                    .isLabelledJson()).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(served.answer(409, "text/plain", CONFLICT)).isLabelledJson())
                    .hasMessageStartingWith("Expecting Content-Type application/json (or application/*+json) but"
                            + " was \"text/plain\"");
        }

        @Test
        void thread() {
            assertThatCode(() -> assertThat(thread200()).thread().hasStatus("archived")).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(thread200()).thread().hasStatus("idle"))
                    .hasMessageStartingWith("Expecting thread sthr_019f00000000000000000000000002bb to have status"
                            + " \"idle\" but was \"archived\"")
                    .hasMessageContaining("→ 200 (request_id ");
        }
    }

    @Nested
    class Threads {
        private static final String ID = "sthr_019f00000000000000000000000002bb";

        private SessionThread thread(String from, String to) {
            return served.answer(200, JSON, archivedThread().replace(from, to)).thread();
        }

        @Test
        void fields() {
            SessionThread thread = thread200().thread();

            assertThatCode(() -> assertThat(thread).hasId(ID).belongsToSession("sess_019f00000000000000000000000000aa")
                    .hasRole("child").hasStatus("archived").hasStopReasonType("archive")).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(thread).hasId("sthr_other")).hasMessage(
                    "Expecting thread " + ID + " to have id \"sthr_other\" but was \"" + ID + "\"");
            assertThatThrownBy(() -> assertThat(thread).belongsToSession("sess_other")).hasMessage(
                    "Expecting thread " + ID + " to have session_id \"sess_other\" but was"
                            + " \"sess_019f00000000000000000000000000aa\"");
            assertThatThrownBy(() -> assertThat(thread).hasRole("coordinator")).hasMessage(
                    "Expecting thread " + ID + " to have role \"coordinator\" but was \"child\"");
            assertThatThrownBy(() -> assertThat(thread).hasStatus("idle")).hasMessage(
                    "Expecting thread " + ID + " to have status \"idle\" but was \"archived\"");
            assertThatThrownBy(() -> assertThat(thread).hasStopReasonType("end_turn")).hasMessage(
                    "Expecting thread " + ID + " to have stop_reason.type \"end_turn\" but was \"archive\"");
        }

        @Test
        void hasArchivedAtNotBeforeCreatedAt() {
            assertThatCode(() -> assertThat(thread200().thread()).hasArchivedAtNotBeforeCreatedAt())
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(thread("\"archived_at\": \"2026-06-15T08:10:00.000Z\"",
                    "\"archived_at\": \"2026-06-15T08:00:00.000Z\"")).hasArchivedAtNotBeforeCreatedAt())
                    .hasMessage("Expecting thread " + ID + " archived_at not before created_at"
                            + " 2026-06-15T08:01:00.000Z but was 2026-06-15T08:00:00.000Z");
            assertThatThrownBy(() -> assertThat(thread("\"archived_at\": \"2026-06-15T08:10:00.000Z\"",
                    "\"archived_at\": null")).hasArchivedAtNotBeforeCreatedAt())
                    .hasMessage("Expecting thread " + ID + " to have archived_at set but it was null or absent");
            assertThatThrownBy(() -> assertThat(thread("\"archived_at\": \"2026-06-15T08:10:00.000Z\"",
                    "\"archived_at\": \"yesterday\"")).hasArchivedAtNotBeforeCreatedAt())
                    .hasMessage("Expecting thread " + ID + " archived_at to be an RFC 3339 timestamp but was"
                            + " \"yesterday\"");
        }

        @Test
        void isUnchangedSince_and_hasSameFinalStateAs() {
            SessionThread before = thread200().thread();
            SessionThread touched = thread("\"updated_at\": \"2026-06-15T08:10:00.000Z\"",
                    "\"updated_at\": \"2026-06-15T08:12:00.000Z\"");

            assertThatCode(() -> assertThat(before).isUnchangedSince(before).hasSameFinalStateAs(touched))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(touched).isUnchangedSince(before)).hasMessage(
                    "Expecting thread " + ID + " to have updated_at \"2026-06-15T08:10:00.000Z\" but was"
                            + " \"2026-06-15T08:12:00.000Z\"");
            assertThatThrownBy(() -> assertThat(thread("\"status\": \"archived\"", "\"status\": \"idle\""))
                    .hasSameFinalStateAs(before)).hasMessage(
                    "Expecting thread " + ID + " to have status \"archived\" but was \"idle\"");
        }
    }

    @Nested
    class Events {
        private final Event terminated = Event.parse("{\"id\":\"evt_1\",\"type\":\"session.thread_status_terminated\","
                + "\"session_thread_id\":\"sthr_1\",\"processed_at\":\"2026-06-15T08:10:00.000Z\","
                + "\"stop_reason\":{\"type\":\"archive\"},\"content\":[{\"type\":\"text\",\"text\":\"Agent cancelled.\"}]}");

        @Test
        void conformsTo() {
            assertThatCode(() -> assertThat(terminated).conformsTo(Schemas.EVENT)).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(Event.parse("{\"id\":\"evt_2\",\"type\":\"x\"}"))
                    .conformsTo(Schemas.EVENT))
                    .hasMessageStartingWith("Expecting event evt_2 to conform to events/event.schema.json but:")
                    .hasMessageContaining("event: \"{\\\"id\\\":\\\"evt_2\\\",\\\"type\\\":\\\"x\\\"}\"");
        }

        @Test
        void hasStopReasonType() {
            assertThatCode(() -> assertThat(terminated).hasStopReasonType("archive")).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(terminated).hasStopReasonType("end_turn"))
                    .hasMessageStartingWith("Expecting event evt_1 to have stop_reason.type \"end_turn\" but was"
                            + " archive\n  event: ");
        }

        @Test
        void isOnThread() {
            assertThatCode(() -> assertThat(terminated).isOnThread("sthr_1")).doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(terminated).isOnThread("sthr_2"))
                    .hasMessageStartingWith("Expecting event evt_1 on thread sthr_2 but its session_thread_id was"
                            + " sthr_1\n  event: ");
        }

        @Test
        void hasTextContaining() {
            assertThatCode(() -> assertThat(terminated).hasTextContaining("Agent cancelled."))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> assertThat(terminated).hasTextContaining("Done."))
                    .hasMessageStartingWith("Expecting event evt_1 content to contain \"Done.\" but was"
                            + " \"Agent cancelled.\"");
        }
    }
}
