package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.FixtureIds.coordinator;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceServerMailboxTest {
    private static final String RECEIVED = "agent.thread_message_received";
    /**
     * When a pending message is due after its fixture was made: long enough that the count and the archive that
     * follow the fixture come before it even on a loaded machine.
     */
    private static final Duration DELIVER_AFTER = Duration.ofSeconds(2);

    private static ReferenceServer server;
    private static RefClient client;

    @BeforeAll
    static void start() {
        server = RefClient.start(RefClient.options().withDeliverAfter(DELIVER_AFTER));
        client = new RefClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_deliver_a_pending_message_when_the_child_is_not_archived() {
        JsonNode fixture = client.fixture("child_with_pending_message");
        long before = received(fixture);

        await().atMost(DELIVER_AFTER.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                // why: the fixture queues two messages
                .until(() -> received(fixture) == before + 2);

        assertThat(client.thread(sid(fixture), tid(fixture)).get("status").asString()).isEqualTo("running");
        assertThat(client.countEvents(sid(fixture), ofType("agent.thread_message_sent", coordinator(fixture))))
                .isEqualTo(2);
    }

    @Test
    void should_never_deliver_after_the_child_was_archived() {
        JsonNode fixture = client.fixture("child_with_pending_message");
        long before = received(fixture);

        assertThat(client.archive(fixture).status()).isEqualTo(200);

        // why: held from the archive to well past the messages' due time
        await().during(DELIVER_AFTER.plusSeconds(1)).atMost(DELIVER_AFTER.plusSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> received(fixture) == before);
        assertThat(client.thread(sid(fixture), tid(fixture)).get("status").asString()).isEqualTo("archived");
    }

    private static long received(JsonNode fixture) {
        return client.countEvents(sid(fixture), ofType(RECEIVED, tid(fixture)));
    }
}
