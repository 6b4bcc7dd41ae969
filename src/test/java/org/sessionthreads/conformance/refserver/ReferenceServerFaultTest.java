package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;
import static org.sessionthreads.conformance.refserver.RefClient.withFault;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
}
