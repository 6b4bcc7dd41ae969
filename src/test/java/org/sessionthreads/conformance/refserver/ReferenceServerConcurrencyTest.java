package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionthreads.conformance.refserver.FixtureIds.sid;
import static org.sessionthreads.conformance.refserver.FixtureIds.tid;
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
        Race race = race(RefClient.options());

        assertThat(race.replies()).extracting(Reply::status).containsOnly(200);
        assertThat(race.replies()).extracting(reply -> reply.json().get("archived_at").asString()).containsOnly(
                race.replies().get(0).json().get("archived_at").asString());
        assertThat(race.terminatedEvents()).isEqualTo(1);
    }

    @Test
    void should_answer_one_200_and_409s_in_conflict_mode() throws Exception {
        Race race = race(RefClient.options().withVariation(Variation.REARCHIVE_CONFLICT));

        assertThat(race.replies()).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(race.replies()).filteredOn(reply -> reply.status() == 409).hasSize(RACERS - 1);
        assertThat(race.terminatedEvents()).isEqualTo(1);
    }

    @Test
    void should_let_racing_archives_all_transition_under_the_racy_fault() throws Exception {
        Race race = race(RefClient.options().withFault(Fault.RACY_ARCHIVE));

        assertThat(race.terminatedEvents()).isGreaterThan(1);
    }

    /** What racing archives of one idle child did: every answer, and the terminated events the thread got. */
    private record Race(List<Reply> replies, long terminatedEvents) {
    }

    /** On a server started with {@code options}: {@link #race(RefClient, JsonNode)} for a fresh idle child. */
    private static Race race(ServerOptions options) throws Exception {
        try (ReferenceServer server = RefClient.start(options)) {
            RefClient client = new RefClient(server);
            JsonNode fixture = client.fixture("idle_child");

            List<Reply> replies = race(client, fixture);

            return new Race(replies, client.countEvents(sid(fixture), ofType(TERMINATED, tid(fixture))));
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
}
