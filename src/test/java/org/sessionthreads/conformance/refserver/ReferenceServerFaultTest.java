package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.FixtureIds.coordinator;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;
import static org.sessionthreads.conformance.refserver.RefClient.withFault;
import static org.sessionthreads.conformance.refserver.RefClient.withServer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Faults whose effect shows in the answer, the stored state or the events of the request itself, each checked
 * directly against the server (no suite involved).
 */
class ReferenceServerFaultTest {
    private static final String TERMINATED = "session.thread_status_terminated";

    @Test
    void should_archive_the_coordinator_under_coordinator_archivable() {
        withFault(Fault.COORDINATOR_ARCHIVABLE, client -> {
            JsonNode fixture = client.fixture("idle_child");

            Reply reply = client.archive(sid(fixture), fixture.get("coordinator_thread_id").asString());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo("archived");
        });
    }

    @Test
    void should_archive_a_running_child_under_non_idle_archivable() {
        withFault(Fault.NON_IDLE_ARCHIVABLE, client ->
                assertThat(client.archive(client.fixture("running_child")).status()).isEqualTo(200));
    }

    @Test
    void should_change_the_terminated_events_under_the_event_faults() {
        withFault(Fault.NO_TERMINATED_EVENT, client -> assertThat(archiveAndCountTerminated(client)).isZero());
        withFault(Fault.DUPLICATE_TERMINATED_EVENT,
                client -> assertThat(archiveAndCountTerminated(client)).isEqualTo(2));
        withFault(Fault.TERMINATED_EVENT_WRONG_REASON, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            JsonNode event = client.events(sid(fixture)).stream().filter(ofType(TERMINATED, tid(fixture)))
                    .findFirst().orElseThrow();

            assertThat(event.get("stop_reason").get("type").asString()).isEqualTo("end_turn");
        });
    }

    @Test
    void should_emit_an_event_for_a_rejected_coordinator_archive() {
        withFault(Fault.EVENT_FOR_REJECTED_ARCHIVE, client -> {
            JsonNode fixture = client.fixture("idle_child");
            String coordinatorId = fixture.get("coordinator_thread_id").asString();

            Reply reply = client.archive(sid(fixture), coordinatorId);

            assertThat(reply.status()).isEqualTo(409);
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, coordinatorId))).isEqualTo(1);
        });
    }

    @Test
    void should_break_authentication_under_the_auth_faults() {
        withFault(Fault.NOT_FOUND_BEFORE_AUTH, client -> assertThat(client.send("POST",
                "/v1/sessions/sess_unknown/threads/sthr_unknown/archive", null, "Authorization", "Bearer wrong")
                .status()).isEqualTo(404));
        withFault(Fault.LENIENT_AUTH, client -> {
            JsonNode fixture = client.fixture("idle_child");
            assertThat(client.send("GET", "/v1/sessions/" + sid(fixture) + "/threads", null,
                    "Authorization", "Bearer anything").status()).isEqualTo(200);
        });
        withFault(Fault.REJECTED_REQUEST_MUTATES, client -> {
            JsonNode fixture = client.fixture("idle_child");
            Reply reply = client.send("POST", "/v1/sessions/" + sid(fixture) + "/threads/" + tid(fixture) + "/archive",
                    null, "Authorization", "Bearer wrong");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(client.thread(sid(fixture), tid(fixture)).get("status").asString()).isEqualTo("archived");
        });
    }

    @Test
    void should_damage_the_archived_thread_under_the_thread_faults() {
        withFault(Fault.ARCHIVE_NOT_PERSISTED, client -> {
            JsonNode fixture = client.fixture("idle_child");

            assertThat(client.archive(fixture).json().get("status").asString()).isEqualTo("archived");
            assertThat(client.thread(sid(fixture), tid(fixture)).get("status").asString()).isEqualTo("idle");
        });
        withFault(Fault.MISSING_ARCHIVED_AT, client ->
                assertThat(client.archive(client.fixture("idle_child")).json().get("archived_at").isNull()).isTrue());
        withFault(Fault.WRONG_STOP_REASON, client -> assertThat(client.archive(client.fixture("idle_child")).json()
                .get("stop_reason").get("type").asString()).isEqualTo("end_turn"));
    }

    @Test
    void should_damage_error_answers_under_the_error_faults() {
        withFault(Fault.CONFLICT_AS_BAD_REQUEST, client ->
                assertThat(client.archive(client.fixture("running_child")).status()).isEqualTo(400));
        withFault(Fault.WRONG_ERROR_TYPE, client ->
                assertThat(client.get("/v1/sessions/sess_unknown/threads").errorType()).isEqualTo("not_found"));
        withFault(Fault.NO_ERROR_ENVELOPE, client -> {
            Reply reply = client.get("/v1/sessions/sess_unknown/threads");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEmpty();
        });
    }

    @Test
    void should_archive_through_the_wrong_session_under_cross_session_thread() {
        withFault(Fault.CROSS_SESSION_THREAD, client -> {
            JsonNode mine = client.fixture("idle_child");
            JsonNode theirs = client.fixture("idle_child");

            Reply reply = client.archive(sid(mine), tid(theirs));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(client.thread(sid(theirs), tid(theirs)).get("status").asString()).isEqualTo("archived");
        });
    }

    @Test
    void should_skip_side_effects_under_the_side_effect_faults() {
        withFault(Fault.MAILBOX_NOT_CANCELLED, client -> {
            JsonNode fixture = client.fixture("child_with_pending_message");
            client.archive(fixture);

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> client.countEvents(
                    sid(fixture), ofType("agent.thread_message_received", tid(fixture))) == 2);
        });
        withFault(Fault.NO_AGENT_CANCELLED, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");
            client.archive(fixture);

            assertThat(client.thread(sid(fixture), fixture.get("coordinator_thread_id").asString())
                    .get("status").asString()).isEqualTo("blocked");
        });
    }

    @Test
    void should_move_archived_at_on_rearchive_under_rearchive_moves_archived_at() {
        withFault(Fault.REARCHIVE_MOVES_ARCHIVED_AT, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(client.archive(fixture).status()).isEqualTo(200);
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)))).isEqualTo(2);
        });
    }

    private static long archiveAndCountTerminated(RefClient client) {
        JsonNode fixture = client.fixture("idle_child");
        assertThat(client.archive(fixture).status()).isEqualTo(200);
        return client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)));
    }

    @Test
    void should_answer_500_for_malformed_ids_under_malformed_id_server_error() {
        withFault(Fault.MALFORMED_ID_SERVER_ERROR, client -> {
            JsonNode fixture = client.fixture("idle_child");

            Reply reply = client.archive(sid(fixture), tid(fixture).replaceFirst("^sthr_", "thread-"));

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.errorType()).isEqualTo("api_error");
            assertThat(client.archive(sid(fixture), "sthr_unknown").status()).isEqualTo(404);
        });
    }

    @Test
    void should_damage_the_returned_thread_under_the_answer_faults() {
        withFault(Fault.ARCHIVED_AT_BEFORE_CREATED_AT, client -> {
            JsonNode thread = client.archive(client.fixture("idle_child")).json();

            assertThat(instant(thread, "archived_at")).isBefore(instant(thread, "created_at"));
        });
        withFault(Fault.ARCHIVED_THREAD_WITHOUT_ROLE, client ->
                assertThat(client.archive(client.fixture("idle_child")).json().has("role")).isFalse());
        withFault(Fault.ARCHIVE_RETURNS_PARENT_THREAD, client -> {
            JsonNode fixture = client.fixture("idle_child");

            assertThat(client.archive(fixture).json().get("id").asString())
                    .isEqualTo(fixture.get("coordinator_thread_id").asString());
        });
    }

    @Test
    void should_show_the_state_before_the_last_write_under_stale_reads() {
        withFault(Fault.STALE_READS, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(client.thread(sid(fixture), tid(fixture)).get("status").asString()).isEqualTo("idle");
        });
    }

    @Test
    void should_emit_the_terminated_event_wrongly_under_the_subject_and_timing_faults() {
        withFault(Fault.TERMINATED_EVENT_WRONG_THREAD, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)))).isZero();
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, coordinator(fixture)))).isEqualTo(1);
        });
        withFault(Fault.TERMINATED_EVENT_TOO_LATE, client -> {
            JsonNode fixture = client.fixture("idle_child");

            assertThat(client.archive(fixture).status()).isEqualTo(200);
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)))).isZero();
        });
        withFault(Fault.REARCHIVE_EMITS_EVENT, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(client.archive(fixture).status()).isEqualTo(200);
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)))).isEqualTo(2);
        });
    }

    @Test
    void should_break_authentication_under_the_header_faults() {
        withFault(Fault.ACCEPTS_X_API_KEY, client -> assertThat(archiveWith(client, "x-api-key", RefClient.TOKEN))
                .isEqualTo(200));
        withFault(Fault.TOKEN_CASE_INSENSITIVE, client -> assertThat(archiveWith(client, "Authorization",
                "Bearer " + RefClient.TOKEN.toUpperCase(Locale.ROOT))).isEqualTo(200));
        withFault(Fault.UNAUTHORIZED_PLAIN_TEXT, client -> {
            Reply reply = client.send("GET", "/v1/sessions/sess_x/threads", null, "Authorization", "Bearer wrong");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).isEqualTo("Unauthorized");
        });
    }

    @Test
    void should_change_a_thread_whose_archive_was_rejected_under_rejected_archive_touches_thread() {
        withFault(Fault.REJECTED_ARCHIVE_TOUCHES_THREAD, client -> {
            JsonNode fixture = client.fixture("idle_child");
            JsonNode before = client.thread(sid(fixture), coordinator(fixture));

            assertThat(client.archive(sid(fixture), coordinator(fixture)).status()).isEqualTo(409);
            assertThat(client.thread(sid(fixture), coordinator(fixture)).get("updated_at"))
                    .isNotEqualTo(before.get("updated_at"));
        });
    }

    @Test
    void should_archive_through_an_unknown_session_under_session_id_ignored() {
        withFault(Fault.SESSION_ID_IGNORED, client -> {
            JsonNode fixture = client.fixture("idle_child");

            assertThat(client.archive("sess_unknown", tid(fixture)).status()).isEqualTo(200);
        });
    }

    @Test
    void should_deliver_pending_messages_at_once_under_mailbox_flushed_on_archive() {
        // why: due long after the test, so only the flush can have delivered them
        ServerOptions options = RefClient.options().withFault(Fault.MAILBOX_FLUSHED_ON_ARCHIVE)
                .withDeliverAfter(Duration.ofSeconds(60));
        withServer(options, client -> {
            JsonNode fixture = client.fixture("child_with_pending_message");
            client.archive(fixture);

            assertThat(client.countEvents(sid(fixture), ofType("agent.thread_message_received", tid(fixture))))
                    .as("both pending messages").isEqualTo(2);
        });
    }

    @Test
    void should_unblock_the_coordinator_wrongly_under_the_resume_faults() {
        assertThat(coordinatorEventsAfterArchive(Fault.AGENT_CANCELLED_WRONG_TEXT))
                .containsExactly("agent.tool_result:Agent archived.", "session.thread_status_running",
                        "session.thread_status_idle");
        assertThat(coordinatorEventsAfterArchive(Fault.NO_COORDINATOR_RESUME))
                .containsExactly("agent.tool_result:Agent cancelled.");
        assertThat(coordinatorEventsAfterArchive(Fault.RESUME_BEFORE_TOOL_RESULT))
                .containsExactly("session.thread_status_running", "agent.tool_result:Agent cancelled.",
                        "session.thread_status_idle");
    }

    @Test
    void should_answer_500_to_archives_that_find_the_session_busy_under_contended_archive_fails() {
        withFault(Fault.CONTENDED_ARCHIVE_FAILS, client -> {
            JsonNode fixture = client.fixture("idle_child");

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CyclicBarrier start = new CyclicBarrier(4);
                List<CompletableFuture<Integer>> answers = IntStream.range(0, 4).mapToObj(i ->
                        CompletableFuture.supplyAsync(() -> archiveAfter(start, client, fixture), pool)).toList();

                assertThat(answers.stream().map(CompletableFuture::join)).contains(200, 500);
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private static int archiveAfter(CyclicBarrier start, RefClient client, JsonNode fixture) {
        try {
            start.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
        return client.archive(fixture).status();
    }

    private static List<String> coordinatorEventsAfterArchive(Fault fault) {
        List<String> seen = new java.util.ArrayList<>();
        withFault(fault, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");
            int before = client.events(sid(fixture)).size();
            client.archive(fixture);

            client.events(sid(fixture)).stream().skip(before)
                    .filter(e -> e.get("session_thread_id").asString().equals(coordinator(fixture)))
                    .map(e -> e.get("type").asString() + (e.has("tool_use_id")
                            ? ":" + e.get("content").get(0).get("text").asString() : ""))
                    .forEach(seen::add);
        });
        return seen;
    }

    private static int archiveWith(RefClient client, String header, String value) {
        JsonNode fixture = client.fixture("idle_child");
        return client.send("POST", "/v1/sessions/" + sid(fixture) + "/threads/" + tid(fixture) + "/archive", null,
                header, value).status();
    }

    private static OffsetDateTime instant(JsonNode thread, String field) {
        return OffsetDateTime.parse(thread.get(field).asString());
    }
}
