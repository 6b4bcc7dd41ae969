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
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

/**
 * Faults whose effect shows later, on another thread, on another read or with another credential than the request's
 * own, each shown at the HTTP level: the effect appears where (and, for the delayed ones, when) its Javadoc says,
 * and not before. Delayed effects are awaited with Awaitility; "not yet" is held with
 * {@code during}.
 */
@Execution(ExecutionMode.CONCURRENT) // why: each method waits seconds for a delayed effect of a server of its own
class ReferenceServerIndirectFaultsTest {
    private static final String TERMINATED = "session.thread_status_terminated";
    private static final String RECEIVED = "agent.thread_message_received";
    /**
     * Well below every delay of these faults ({@code Fault.…_AFTER_MILLIS}): the effect must not be there yet for this
     * long after the request.
     */
    private static final Duration NOT_YET = Duration.ofMillis(1_500);
    /**
     * When the pending messages are due after their fixture was made: long enough that the archive that follows the
     * fixture comes first even on a loaded machine, short enough that {@link #PAST_MAILBOX_DUE} ends well before
     * {@code REDELIVER_AFTER_MILLIS} (1.8 s after the archive).
     */
    private static final Duration MAILBOX_DUE = Duration.ofSeconds(1);
    /** How long after the archive answer the cancelled messages must still be undelivered: past their due time. */
    private static final Duration PAST_MAILBOX_DUE = MAILBOX_DUE.plusMillis(100);

    @Test
    void should_write_the_archived_thread_back_to_idle_seconds_later_under_status_reconciler_reverts_archive() {
        withFault(Fault.STATUS_RECONCILER_REVERTS_ARCHIVE, client -> {
            JsonNode fixture = client.fixture("idle_child");

            assertThat(client.archive(fixture).json().get("status").asString()).isEqualTo("archived");
            holds(() -> status(client, fixture).equals("archived"));
            eventually(() -> status(client, fixture).equals("idle"));

            JsonNode reverted = client.thread(sid(fixture), tid(fixture));
            assertThat(reverted.get("stop_reason").get("type").asString()).isEqualTo("end_turn");
            assertThat(client.countEvents(sid(fixture), ofType("session.thread_status_idle", tid(fixture))))
                    .as("the reconciler writes silently").isEqualTo(1);
        });
    }

    @Test
    void should_emit_a_second_terminated_event_with_a_new_id_seconds_later_under_terminated_event_republished_later() {
        withFault(Fault.TERMINATED_EVENT_REPUBLISHED_LATER, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            holds(() -> terminatedEvents(client, fixture).size() == 1);
            eventually(() -> terminatedEvents(client, fixture).size() == 2);

            List<JsonNode> events = terminatedEvents(client, fixture);
            assertThat(events.get(1).get("id").asString()).isNotEqualTo(events.get(0).get("id").asString());
            assertThat(events.get(1).get("stop_reason").get("type").asString()).isEqualTo("archive");
        });
    }

    @Test
    void should_move_archived_at_seconds_after_the_archive_under_archived_at_rewritten_later() {
        withFault(Fault.ARCHIVED_AT_REWRITTEN_LATER, client -> {
            JsonNode fixture = client.fixture("idle_child");
            String answered = client.archive(fixture).json().get("archived_at").asString();

            holds(() -> archivedAt(client, fixture).equals(answered));
            eventually(() -> !archivedAt(client, fixture).equals(answered));

            JsonNode restamped = client.thread(sid(fixture), tid(fixture));
            assertThat(restamped.get("status").asString()).isEqualTo("archived");
            assertThat(restamped.get("updated_at").asString()).isEqualTo(restamped.get("archived_at").asString());
        });
    }

    @Test
    void should_deliver_a_cancelled_message_seconds_after_its_due_time_under_mailbox_retry_queue_redelivers() {
        ServerOptions options =
                RefClient.options().withFault(Fault.MAILBOX_RETRY_QUEUE_REDELIVERS).withDeliverAfter(MAILBOX_DUE);
        withServer(options, client -> {
            JsonNode fixture = client.fixture("child_with_pending_message");
            assertThat(client.archive(fixture).status()).isEqualTo(200);

            holds(PAST_MAILBOX_DUE, () -> received(client, fixture) == 0);
            eventually(() -> received(client, fixture) == 2); // both pending messages

            assertThat(status(client, fixture)).as("delivered to the archived thread").isEqualTo("archived");
        });
    }

    @Test
    void should_stop_a_running_child_seconds_after_a_409_under_rejected_archive_stops_running_child() {
        withFault(Fault.REJECTED_ARCHIVE_STOPS_RUNNING_CHILD, client -> {
            JsonNode fixture = client.fixture("running_child");

            Reply reply = client.archive(fixture);

            assertThat(reply.status()).isEqualTo(409);
            holds(() -> status(client, fixture).equals("running"));
            eventually(() -> status(client, fixture).equals("idle"));
            assertThat(client.thread(sid(fixture), tid(fixture)).get("stop_reason").get("type").asString())
                    .isEqualTo("end_turn");
        });
    }

    @Test
    void should_archive_a_thread_named_through_a_foreign_session_and_answer_404_under_foreign_session_archived_despite_404() {
        withFault(Fault.FOREIGN_SESSION_ARCHIVED_DESPITE_404, client -> {
            JsonNode mine = client.fixture("idle_child");
            JsonNode foreign = client.fixture("idle_child");

            Reply reply = client.archive(sid(foreign), tid(mine));

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("not_found_error");
            assertThat(status(client, mine)).isEqualTo("archived");
            assertThat(client.countEvents(sid(mine), ofType(TERMINATED, tid(mine)))).isEqualTo(1);
            assertThat(client.archive("sess_unknown", tid(foreign)).status()).isEqualTo(404);
            assertThat(status(client, foreign)).as("an unknown session is refused first").isEqualTo("idle");
        });
    }

    @Test
    void should_archive_the_children_of_a_coordinator_whose_archive_was_refused_under_rejected_coordinator_archive_cascades() {
        withFault(Fault.REJECTED_COORDINATOR_ARCHIVE_CASCADES, client -> {
            JsonNode fixture = client.fixture("idle_child");

            Reply reply = client.archive(sid(fixture), coordinator(fixture));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(status(client, fixture)).isEqualTo("archived");
            assertThat(client.thread(sid(fixture), sibling(client, fixture)).get("status").asString())
                    .isEqualTo("archived");
            assertThat(client.thread(sid(fixture), coordinator(fixture)).get("status").asString())
                    .isNotEqualTo("archived");
            assertThat(client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture)))).isEqualTo(1);
        });
    }

    @Test
    void should_unblock_the_coordinator_when_another_child_is_archived_under_sibling_archive_unblocks_coordinator() {
        withFault(Fault.SIBLING_ARCHIVE_UNBLOCKS_COORDINATOR, client -> {
            JsonNode fixture = client.fixture("waiting_coordinator");
            String toolUseId = fixture.get("tool_use_id").asString();

            assertThat(client.archive(sid(fixture), sibling(client, fixture)).status()).isEqualTo(200);

            JsonNode result = client.events(sid(fixture)).stream()
                    .filter(ofType("agent.tool_result", coordinator(fixture)))
                    .filter(event -> event.get("tool_use_id").asString().equals(toolUseId))
                    .findFirst().orElseThrow();
            assertThat(result.get("content").get(0).get("text").asString()).isEqualTo("Agent cancelled.");
            assertThat(status(client, fixture)).as("the child it waited on").isEqualTo("idle");
        });
        try (ReferenceServer conformant = RefClient.start(RefClient.options())) {
            RefClient client = new RefClient(conformant);
            JsonNode fixture = client.fixture("waiting_coordinator");
            String toolUseId = fixture.get("tool_use_id").asString();
            client.archive(sid(fixture), sibling(client, fixture));

            assertThat(client.events(sid(fixture)).stream().filter(ofType("agent.tool_result", coordinator(fixture)))
                    .filter(event -> event.get("tool_use_id").asString().equals(toolUseId))).isEmpty();
        }
    }

    @Test
    void should_list_an_archived_thread_in_its_previous_state_under_list_projection_misses_archive() {
        withFault(Fault.LIST_PROJECTION_MISSES_ARCHIVE, client -> {
            JsonNode fixture = client.fixture("idle_child");
            client.archive(fixture);

            assertThat(status(client, fixture)).isEqualTo("archived");
            JsonNode listed = listed(client, fixture, tid(fixture));
            assertThat(listed.get("status").asString()).isEqualTo("idle");
            assertThat(listed.get("archived_at").isNull()).isTrue();
        });
    }

    @Test
    void should_accept_a_truncated_or_extended_token_under_token_compared_over_shorter_length() {
        String truncated = "Bearer " + RefClient.TOKEN.substring(0, RefClient.TOKEN.length() - 1);
        String extended = RefClient.BEARER + "x";
        String sameLengthWrong = "Bearer " + RefClient.TOKEN.substring(0, RefClient.TOKEN.length() - 1) + "#";
        withFault(Fault.TOKEN_COMPARED_OVER_SHORTER_LENGTH, client -> {
            assertThat(archiveWith(client, truncated)).isEqualTo(200);
            assertThat(archiveWith(client, "Bearer refs")).isEqualTo(200);
            assertThat(archiveWith(client, extended)).isEqualTo(200);
            assertThat(archiveWith(client, sameLengthWrong)).isEqualTo(401);
        });
        try (ReferenceServer conformant = RefClient.start(RefClient.options())) {
            RefClient client = new RefClient(conformant);
            assertThat(archiveWith(client, truncated)).isEqualTo(401);
            assertThat(archiveWith(client, extended)).isEqualTo(401);
        }
    }

    private static int archiveWith(RefClient client, String authorization) {
        JsonNode fixture = client.fixture("idle_child");
        return client.send("POST", "/v1/sessions/" + sid(fixture) + "/threads/" + tid(fixture) + "/archive", null,
                "Authorization", authorization).status();
    }

    /** The other child of the fixture's coordinator (the finished "Review Agent"), as the list shows it. */
    private static String sibling(RefClient client, JsonNode fixture) {
        for (JsonNode thread : client.get("/v1/sessions/" + sid(fixture) + "/threads").json().get("data")) {
            String id = thread.get("id").asString();
            if (thread.get("role").asString().equals("child") && !id.equals(tid(fixture))) {
                return id;
            }
        }
        throw new IllegalStateException("fixture " + fixture + " has no second child");
    }

    private static JsonNode listed(RefClient client, JsonNode fixture, String threadId) {
        for (JsonNode thread : client.get("/v1/sessions/" + sid(fixture) + "/threads").json().get("data")) {
            if (thread.get("id").asString().equals(threadId)) {
                return thread;
            }
        }
        throw new IllegalStateException(threadId + " is not listed");
    }

    private static List<JsonNode> terminatedEvents(RefClient client, JsonNode fixture) {
        return client.events(sid(fixture)).stream().filter(ofType(TERMINATED, tid(fixture))).toList();
    }

    private static long received(RefClient client, JsonNode fixture) {
        return client.countEvents(sid(fixture), ofType(RECEIVED, tid(fixture)));
    }

    private static String status(RefClient client, JsonNode fixture) {
        return client.thread(sid(fixture), tid(fixture)).get("status").asString();
    }

    private static String archivedAt(RefClient client, JsonNode fixture) {
        return client.thread(sid(fixture), tid(fixture)).get("archived_at").asString();
    }

    /** {@code condition} stays true for {@link #NOT_YET}. */
    private static void holds(java.util.concurrent.Callable<Boolean> condition) {
        holds(NOT_YET, condition);
    }

    /** {@code condition} stays true for {@code during} (the generous bound only leaves room for slow polls). */
    private static void holds(Duration during, java.util.concurrent.Callable<Boolean> condition) {
        polling().during(during).atMost(during.plusSeconds(10)).until(condition);
    }

    /** {@code condition} becomes true within 10 s (every delay is 5 s at most). */
    private static void eventually(java.util.concurrent.Callable<Boolean> condition) {
        polling().atMost(Duration.ofSeconds(10)).until(condition);
    }

    private static ConditionFactory polling() {
        return await().pollInterval(Duration.ofMillis(100));
    }
}
