package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;

/**
 * The whole-history read the end-of-run audit uses goes through the polling channel's pager: it follows a page
 * that a {@code types} filter emptied (its {@code last_id} moves the cursor on), reports a list it cannot read or
 * that does not end within the bound as incomplete, and counts every request it sent; it stops asking for the
 * newest-first page once the target refused {@code order}.
 */
class EventHistoryTest {
    private static final Secret TOKEN = Secret.of("ct-event-history");
    private static final String TERMINATED = "{\"id\":\"evt_6\",\"type\":\"" + EventMatcher.THREAD_STATUS_TERMINATED
            + "\",\"session_thread_id\":\"sthr_x\"}";
    private static final String FIRST_PAGE = "{\"data\":[{\"id\":\"evt_1\",\"type\":\"agent.message\"}],"
            + "\"has_more\":true,\"last_id\":\"evt_1\"}";
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean refuseOrder;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void should_follow_a_page_the_filter_emptied_to_the_event_after_it() throws IOException {
        EventHistory history = serve(Map.of(
                "", "{\"data\":[],\"has_more\":true,\"last_id\":\"evt_5\"}",
                "evt_5", "{\"data\":[" + TERMINATED + "],\"has_more\":false,\"last_id\":\"evt_6\"}"));

        EventHistory.Read read = history.read("sess_h", 20);

        assertThat(read.complete()).as(read.problem().orElse("")).isTrue();
        assertThat(read.events()).extracting(Event::id).containsExactly("evt_6");
        assertThat(read.pages()).isEqualTo(2).isEqualTo(requests.get());
    }

    @Test
    void should_call_a_list_longer_than_its_bound_incomplete() throws IOException {
        EventHistory.Read read = readIncomplete(2, Map.of("", FIRST_PAGE,
                "evt_1", "{\"data\":[{\"id\":\"evt_2\",\"type\":\"agent.message\"}],\"has_more\":true}",
                "evt_2", "{\"data\":[{\"id\":\"evt_3\",\"type\":\"agent.message\"}],\"has_more\":true}"));

        assertThat(read.problem()).hasValue("more than 2 event pages (audit.max_pages)");
        assertThat(read.events()).extracting(Event::id).containsExactly("evt_1", "evt_2");
    }

    @Test
    void should_call_an_empty_page_that_says_has_more_without_a_cursor_incomplete() throws IOException {
        EventHistory.Read read = readIncomplete(20, Map.of("", FIRST_PAGE,
                "evt_1", "{\"data\":[],\"has_more\":true,\"last_id\":null}"));

        assertThat(read.problem()).hasValue("an event page says has_more but lists no event and no new last_id");
    }

    @Test
    void should_call_a_page_that_is_not_a_list_incomplete_and_count_its_request() throws IOException {
        EventHistory.Read read = readIncomplete(20, Map.of("", FIRST_PAGE, "evt_1", "<html>502</html>"));

        assertThat(read.problem().orElseThrow()).startsWith("cannot read the event list: GET http://127.0.0.1:");
    }

    @Test
    void should_not_ask_for_the_newest_page_again_once_the_target_refused_order() throws IOException {
        refuseOrder = true;
        EventHistory history = serve(Map.of());

        assertThat(history.newestPage("sess_h")).hasValueSatisfying(page -> assertThat(page.status()).isEqualTo(400));
        assertThat(history.newestPage("sess_h")).isEmpty();
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void should_keep_asking_for_the_newest_page_of_a_target_that_answers_it() throws IOException {
        EventHistory history = serve(Map.of("", "{\"data\":[" + TERMINATED + "],\"has_more\":false}"));

        assertThat(history.newestPage("sess_h")).hasValueSatisfying(page -> assertThat(page.events()).hasSize(1));
        assertThat(history.newestPage("sess_h")).hasValueSatisfying(page -> assertThat(page.status()).isEqualTo(200));
        assertThat(requests.get()).isEqualTo(2);
    }

    /** Reads a list of two pages or more with {@code maxPages}: incomplete, both requests counted. */
    private EventHistory.Read readIncomplete(int maxPages, Map<String, String> pagesAfter) throws IOException {
        EventHistory.Read read = serve(pagesAfter).read("sess_h", maxPages);

        assertThat(read.complete()).isFalse();
        assertThat(read.pages()).isEqualTo(2).isEqualTo(requests.get());
        return read;
    }

    /** A list whose pages are chosen by {@code after_id} ("" for the first page). */
    private EventHistory serve(Map<String, String> pagesAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/sessions/sess_h/events", exchange -> {
            requests.incrementAndGet();
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String after = "";
            for (String pair : query.split("&")) {
                if (pair.startsWith("after_id=")) {
                    after = pair.substring("after_id=".length());
                }
            }
            boolean refused = refuseOrder && query.contains("order=desc");
            byte[] bytes = (refused ? "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"order\"}}" : pagesAfter.getOrDefault(after, "{\"data\":[],\"has_more\":false}"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(refused ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        ApiClient client = new ApiClient(TOKEN, FakeEventsTarget.timeouts(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(5)).request(), new Redactor(List.of(TOKEN)), x -> { });
        return new EventHistory(new EventsApi(client, base), Set.of(EventMatcher.THREAD_STATUS_TERMINATED));
    }
}
