package org.sessionthreads.conformance.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;

/** The SSE door against a scripted local server: frames, the end of a stream, refusals, and redaction. */
class SseClientTest {
    private static final Secret TOKEN = Secret.of("ct-sse-secret-123");
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIdsSent = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private SseClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stream", this::stream);
        server.createContext("/refuse", this::refuse);
        server.start();
        client = new SseClient(TOKEN, Duration.ofSeconds(5), new Redactor(List.of(TOKEN)), exchanges::add);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void should_deliver_frames_then_report_the_end_of_the_stream() throws Exception {
        Recorder recorder = new Recorder();

        SseConnection connection = client.connect(url("/stream"), "evt_0", recorder);

        assertThat(recorder.ended.get(5, TimeUnit.SECONDS)).isEqualTo("the server closed the stream");
        assertThat(recorder.frames).extracting(SseFrame::id).containsExactly("evt_1", "evt_2");
        assertThat(connection.lastEventId()).isEqualTo("evt_2");
        assertThat(connection.retry()).hasValue(Duration.ofMillis(50));
        assertThat(connection.isOpen()).isFalse();
        assertThat(lastEventIdsSent).containsExactly("evt_0");
    }

    @Test
    void should_hand_a_redacted_exchange_for_the_opening_request_to_the_listener() {
        client.connect(url("/stream"), null, new Recorder()).close();

        assertThat(exchanges).hasSize(1);
        Exchange opening = exchanges.get(0);
        assertThat(opening.status()).isEqualTo(200);
        assertThat(opening.requestHeaders().get("Authorization")).containsExactly("Bearer " + Secret.MASK);
        assertThat(opening.requestHeaders()).containsKey("x-request-id").doesNotContainKey("Last-Event-ID");
        assertThat(opening.toString()).doesNotContain(TOKEN.reveal());
    }

    @Test
    void should_return_a_refused_connection_with_the_redacted_error_body() {
        SseConnection refused = client.connect(url("/refuse"), null, new Recorder());

        assertThat(refused.isOpen()).isFalse();
        assertThat(refused.exchange().status()).isEqualTo(404);
        assertThat(refused.exchange().responseBody()).contains("not_found_error").contains(Secret.MASK)
                .doesNotContain(TOKEN.reveal());
        assertThat(exchanges).containsExactly(refused.exchange());
    }

    private void stream(HttpExchange exchange) throws IOException {
        lastEventIdsSent.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes("retry: 50\n\nid: evt_1\nevent: a\ndata: {\"id\":\"evt_1\"}\n\n: heartbeat\n\n"));
            out.flush();
            out.write(bytes("id: evt_2\nevent: b\ndata: {\"id\":\"evt_2\"}\n\nid: evt_3\ndata: cut off"));
        }
    }

    private void refuse(HttpExchange exchange) throws IOException {
        byte[] body = bytes("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no session for "
                + exchange.getRequestHeaders().getFirst("Authorization") + "\"}}");
        exchange.sendResponseHeaders(404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Recorder implements SseListener {
        private final List<SseFrame> frames = new CopyOnWriteArrayList<>();
        private final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public void onFrame(SseFrame frame, long receivedNanos) {
            frames.add(frame);
        }

        @Override
        public void onEnd(String reason) {
            ended.complete(reason);
        }
    }
}
