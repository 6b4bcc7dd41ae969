package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceServerMailboxTest {
    private static final String RECEIVED = "agent.thread_message_received";

    private static ReferenceServer server;
    private static RefClient client;

    @BeforeAll
    static void start() {
        server = RefClient.start(RefClient.options().withDeliverAfter(Duration.ofMillis(300)));
        client = new RefClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_deliver_a_pending_message_when_the_child_is_not_archived() {
        JsonNode fixture = client.fixture("child_with_pending_message");
        String sessionId = fixture.get("session_id").asString();
        String childId = fixture.get("thread_id").asString();
        long before = client.countEvents(sessionId, ofType(RECEIVED, childId));

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                // why: the fixture queues two messages
                .until(() -> client.countEvents(sessionId, ofType(RECEIVED, childId)) == before + 2);

        assertThat(client.thread(sessionId, childId).get("status").asString()).isEqualTo("running");
        assertThat(client.countEvents(sessionId, ofType("agent.thread_message_sent",
                fixture.get("coordinator_thread_id").asString()))).isEqualTo(2);
    }

    @Test
    void should_never_deliver_after_the_child_was_archived() {
        JsonNode fixture = client.fixture("child_with_pending_message");
        String sessionId = fixture.get("session_id").asString();
        String childId = fixture.get("thread_id").asString();
        long before = client.countEvents(sessionId, ofType(RECEIVED, childId));

        assertThat(client.archive(fixture).status()).isEqualTo(200);

        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.countEvents(sessionId, ofType(RECEIVED, childId)) == before);
        assertThat(client.thread(sessionId, childId).get("status").asString()).isEqualTo("archived");
    }
}
