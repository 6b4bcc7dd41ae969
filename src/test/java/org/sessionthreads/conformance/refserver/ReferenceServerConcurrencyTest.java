package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionthreads.conformance.refserver.RefClient.ofType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferenceServerConcurrencyTest {
    private static final int RACERS = 16;
    private static final String TERMINATED = "session.thread_status_terminated";

    @Test
    void should_make_exactly_one_transition_for_simultaneous_archives() throws Exception {
        try (ReferenceServer server = RefClient.start(RefClient.options())) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");

            List<Reply> replies = race(client, fixture);

            assertThat(replies).extracting(Reply::status).containsOnly(200);
            assertThat(replies).extracting(reply -> reply.json().get("archived_at").asString()).containsOnly(
                    replies.get(0).json().get("archived_at").asString());
            assertThat(terminatedEvents(client, fixture)).isEqualTo(1);
        }
    }

    @Test
    void should_answer_one_200_and_409s_in_conflict_mode() throws Exception {
        try (ReferenceServer server = RefClient.start(RefClient.options().withRearchive(RearchiveMode.CONFLICT))) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");

            List<Reply> replies = race(client, fixture);

            assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
            assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(RACERS - 1);
            assertThat(terminatedEvents(client, fixture)).isEqualTo(1);
        }
    }

    @Test
    void should_let_racing_archives_all_transition_under_the_racy_fault() throws Exception {
        try (ReferenceServer server = RefClient.start(RefClient.options().withFault(Fault.RACY_ARCHIVE))) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");

            race(client, fixture);

            assertThat(terminatedEvents(client, fixture)).isGreaterThan(1);
        }
    }

    /** Releases {@value #RACERS} archive requests for one thread at the same moment. */
    private static List<Reply> race(RefClient client, JsonNode fixture) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return client.archive(fixture);
                }));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(10, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long terminatedEvents(RefClient client, JsonNode fixture) {
        return client.countEvents(fixture.get("session_id").asString(),
                ofType(TERMINATED, fixture.get("thread_id").asString()));
    }
}
