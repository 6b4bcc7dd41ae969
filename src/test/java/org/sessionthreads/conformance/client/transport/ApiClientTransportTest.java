package org.sessionthreads.conformance.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.NoAnswerException;
import org.sessionthreads.conformance.client.RateLimitedException;
import org.sessionthreads.conformance.client.TargetHealth;
import org.sessionthreads.conformance.client.TargetStoppedAnsweringException;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.TransportLimits;

/**
 * The transport bounds of {@link ApiClient} against tiny hostile servers (JDK HttpServer, raw sockets): a total
 * deadline that a dripping body does not reset, a body limit, no redirect following, 429/503 retries within their
 * budget, and "stopped answering" after consecutive requests without an answer.
 */
class ApiClientTransportTest {
    private static final Secret TOKEN = Secret.of("ct-transport-test-token");
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void should_end_a_request_that_is_never_answered_at_its_deadline() {
        URI url = serve(exchange -> LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(30)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(TransportLimits.defaults()).send("POST", url, Credentials.profileToken(), null))
                .isInstanceOfSatisfying(NoAnswerException.class, e -> assertThat(e.kind())
                        .isEqualTo(NoAnswerException.Kind.DEADLINE))
                .hasMessageContaining("deadline 1 s exceeded");
        assertThat(elapsed(start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    @Test
    void should_end_a_dripping_body_at_the_deadline_although_every_byte_comes_within_the_read_timeout() {
        URI url = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) { // 100 bytes, 20 s
                out.write('{');
                out.flush();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(TransportLimits.defaults()).send("GET", url, Credentials.profileToken(), null))
                .isInstanceOf(NoAnswerException.class).hasMessageContaining("deadline");
        assertThat(elapsed(start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    }

    @Test
    void should_cut_off_a_flood_at_the_body_limit_and_mark_it() {
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 800; i++) {
                out.write(chunk);
            }
        });
        long start = System.nanoTime();

        ApiResponse response = client(new TransportLimits(64 * 1024, 3, Duration.ofSeconds(5), 3))
                .send("GET", url, Credentials.profileToken(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize(64 * 1024 + BoundedEntity.marker(64 * 1024).length())
                .endsWith(BoundedEntity.marker(64 * 1024));
        assertThat(response.json().isMissingNode()).as("a cut-off body is no JSON").isTrue();
        // why: the size above is the proof; this only guards against reading 50 MB slowly (wide for a loaded machine)
        assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void should_read_a_body_of_exactly_the_limit_whole() {
        URI url = serve(exchange -> {
            byte[] body = ("\"" + "y".repeat(2046) + "\"").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });

        ApiResponse response = client(new TransportLimits(2048, 3, Duration.ofSeconds(5), 3))
                .send("GET", url, Credentials.profileToken(), null);

        assertThat(response.body()).hasSize(2048).doesNotContain("cut off");
    }

    @Test
    void should_not_follow_a_redirect_to_another_origin_and_send_it_nothing() {
        AtomicInteger reachedOther = new AtomicInteger();
        URI other = serve(exchange -> {
            reachedOther.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        });
        URI url = serve(exchange -> {
            exchange.getResponseHeaders().add("Location", other.toString());
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 302 : 307, -1);
        });

        ApiResponse get = client(TransportLimits.defaults()).send("GET", url, Credentials.profileToken(), null);
        ApiResponse post = client(TransportLimits.defaults()).send("POST", url, Credentials.profileToken(), null);

        assertThat(get.status()).isEqualTo(302);
        assertThat(post.status()).isEqualTo(307);
        assertThat(reachedOther).as("requests that reached the other origin").hasValue(0);
    }

    @Test
    void should_retry_a_429_after_its_retry_after() {
        AtomicInteger calls = new AtomicInteger();
        URI url = serve(exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        long start = System.nanoTime();

        ApiResponse response = client(TransportLimits.defaults()).send("POST", url, Credentials.profileToken(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(calls).hasValue(2);
        assertThat(exchanges).extracting(Exchange::status).containsExactly(429, 200);
        assertThat(elapsed(start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void should_give_up_on_503_when_the_retry_budget_is_spent() {
        URI url = serve(exchange -> exchange.sendResponseHeaders(503, -1));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(new TransportLimits(1 << 20, 3, Duration.ofSeconds(2), 10))
                .send("POST", url, Credentials.profileToken(), null))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageStartingWith("rate limited by the target: POST ").hasMessageContaining("answered 503");
        // why: how many backoffs fit in the 2 s budget depends on how long each 503 takes on a loaded machine;
        // what must hold is at least one backoff (0.5 s) and no wait beyond the budget
        assertThat(elapsed(start)).as("one backoff or more, never beyond the budget")
                .isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
    }

    @Test
    void should_give_up_at_once_when_retry_after_asks_for_more_than_the_budget_has_left() {
        URI url = serve(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(429, -1);
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(TransportLimits.defaults()).send("GET", url, Credentials.profileToken(), null))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("Retry-After 120000 ms");
        // why: the size above is the proof; this only guards against reading 50 MB slowly (wide for a loaded machine)
        assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void should_count_refused_connections_and_then_refuse_every_request_at_once() throws IOException {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/x");
        }
        URI alive = serve(exchange -> exchange.sendResponseHeaders(200, -1));
        ApiClient client = new ApiClient(TOKEN, DEADLINE, TransportLimits.defaults(), new TargetHealth(3),
                new Redactor(List.of(TOKEN)), exchanges::add);
        URI target = nowhere;

        assertThatThrownBy(() -> client.send("GET", target, Credentials.profileToken(), null))
                .isInstanceOfSatisfying(NoAnswerException.class, e -> assertThat(e.kind())
                        .isEqualTo(NoAnswerException.Kind.REFUSED));
        assertThat(client.send("GET", alive, Credentials.profileToken(), null).status()).as("an answer resets")
                .isEqualTo(200);
        assertThatThrownBy(() -> client.send("GET", target, Credentials.profileToken(), null))
                .isInstanceOf(NoAnswerException.class);
        assertThatThrownBy(() -> client.send("GET", target, Credentials.profileToken(), null))
                .isInstanceOf(NoAnswerException.class).isNotInstanceOf(TargetStoppedAnsweringException.class);
        assertThatThrownBy(() -> client.send("GET", target, Credentials.profileToken(), null))
                .isInstanceOf(TargetStoppedAnsweringException.class)
                .hasMessageStartingWith("target stopped answering: 3 consecutive requests without an answer (last: GET")
                .hasMessageEndingWith("remaining scenarios not run");
        assertThatThrownBy(() -> client.send("GET", alive, Credentials.profileToken(), null))
                .as("once stopped, for good").isInstanceOf(TargetStoppedAnsweringException.class);
    }

    @Test
    void should_report_a_reset_in_the_middle_of_an_answer_as_a_transport_failure_not_as_no_answer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[8192]);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"id\":\"sthr_").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // the test's assertion says what went wrong
                }
            });
            URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/x");

            assertThatThrownBy(() -> client(TransportLimits.defaults()).send("POST", url, Credentials.profileToken(),
                    null)).isInstanceOf(TransportException.class).isNotInstanceOf(NoAnswerException.class);
        }
    }

    private ApiClient client(TransportLimits limits) {
        return new ApiClient(TOKEN, DEADLINE, limits, TargetHealth.unlimited(), new Redactor(List.of(TOKEN)),
                exchanges::add);
    }

    private URI serve(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (IOException ignored) {
                    // the client went away: that is what these tests do to it
                }
            });
            server.start();
            servers.add(server);
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/x");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
