package org.sessionthreads.conformance.report.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.Exchange;

/** The run's exchange recorder: bounded, thread-safe, on a monotonic time line. */
class ExchangeArchiveTest {

    static Exchange exchange(String requestId, String requestBody, String responseBody, Duration took) {
        return new Exchange("POST", "http://t/v1/sessions/s/threads/t/archive", Map.of("x-request-id",
                List.of(requestId)), requestBody, 200, Map.of("Content-Type", List.of("application/json")),
                responseBody, Instant.now(), took, requestId, null, true);
    }

    @Test
    void should_keep_exchanges_in_the_order_they_started_with_the_phase_they_were_recorded_in() {
        ExchangeArchive archive = new ExchangeArchive();
        archive.record(exchange("req_slow", "", "{}", Duration.ofSeconds(5))); // started 5 s before it was recorded
        archive.phase(ExchangeArchive.Phase.AUDIT);
        archive.record(exchange("req_fast", "", "{}", Duration.ZERO));

        List<ExchangeArchive.Entry> entries = archive.entries();

        assertThat(entries).extracting(e -> e.exchange().requestId()).containsExactly("req_slow", "req_fast");
        assertThat(entries).extracting(ExchangeArchive.Entry::phase)
                .containsExactly(ExchangeArchive.Phase.DISCOVERY, ExchangeArchive.Phase.AUDIT);
        assertThat(archive.at(entries.get(1).startNanos())).isAfter(archive.at(entries.get(0).startNanos()));
    }

    @Test
    void should_cut_a_body_past_the_limit_and_say_so() {
        ExchangeArchive archive = new ExchangeArchive();
        String giant = "x".repeat(ExchangeArchive.BODY_LIMIT + 10);

        archive.record(exchange("req_1", "{}", giant, Duration.ZERO));

        ExchangeArchive.Entry entry = archive.entries().get(0);
        assertThat(entry.exchange().responseBody()).hasSize(ExchangeArchive.BODY_LIMIT);
        assertThat(entry.exchange().requestBody()).isEqualTo("{}");
        assertThat(entry.note()).isEqualTo("response body cut to its first 65536 of 65546 characters.");
    }

    @Test
    void should_leave_bodies_out_once_the_run_budget_is_spent_and_keep_the_exchange() {
        ExchangeArchive archive = new ExchangeArchive();
        String full = "y".repeat(ExchangeArchive.BODY_LIMIT);
        long fit = ExchangeArchive.BODY_BUDGET / ExchangeArchive.BODY_LIMIT;
        for (int i = 0; i < fit; i++) {
            archive.record(exchange("req_" + i, "", full, Duration.ZERO));
        }

        archive.record(exchange("req_last", "", full, Duration.ZERO));

        ExchangeArchive.Entry last = archive.entries().stream()
                .filter(e -> e.exchange().requestId().equals("req_last")).findFirst().orElseThrow();
        assertThat(last.exchange().responseBody()).isEmpty();
        assertThat(last.exchange().status()).isEqualTo(200);
        assertThat(last.note()).isEqualTo("response body of 65536 characters left out: the run's bodies reached"
                + " 33554432 characters.");
    }

    @Test
    void should_count_exchanges_past_the_entry_limit_instead_of_keeping_them() {
        ExchangeArchive archive = new ExchangeArchive();
        for (int i = 0; i < ExchangeArchive.ENTRY_LIMIT + 3; i++) {
            archive.record(exchange("req_" + i, "", "", Duration.ZERO));
        }

        assertThat(archive.entries()).hasSize(ExchangeArchive.ENTRY_LIMIT);
        assertThat(archive.overflow()).isEqualTo(3);
    }

    @Test
    void should_keep_a_streams_messages_up_to_the_cap_even_before_its_exchange_is_recorded() {
        ExchangeArchive archive = new ExchangeArchive();
        for (int i = 0; i < ExchangeArchive.MESSAGE_LIMIT + 2; i++) {
            archive.streamMessage("sse_1", "session.thread_status_terminated", "evt_" + i, "{}", System.nanoTime());
        }
        archive.record(exchange("sse_1", "", "", Duration.ZERO));

        ExchangeArchive.Stream stream = archive.stream("sse_1").orElseThrow();
        assertThat(stream.messages()).hasSize(ExchangeArchive.MESSAGE_LIMIT);
        assertThat(stream.messages().get(0).id()).isEqualTo("evt_0");
        assertThat(stream.dropped()).isEqualTo(2);
        assertThat(archive.stream("req_other")).isEmpty();
    }

    @Test
    void should_keep_every_exchange_recorded_from_many_threads_at_once() throws Exception {
        ExchangeArchive archive = new ExchangeArchive();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        archive.record(exchange("req_" + thread + "_" + i, "{}", "{}", Duration.ZERO));
                        archive.streamMessage("sse_" + thread, "message", null, "d" + i, System.nanoTime());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(archive.entries()).hasSize(4000);
        assertThat(archive.entries()).extracting(e -> e.exchange().requestId()).doesNotHaveDuplicates();
        assertThat(archive.stream("sse_3").orElseThrow().messages()).hasSize(500);
    }
}
