package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each {@link TransportFault} and {@link Variation#RATE_LIMITED} checked on the wire (raw sockets, no suite): the
 * server really hangs, drips, floods, redirects, resets and rate-limits.
 */
class ReferenceServerTransportFaultTest {

    @Test
    void should_never_answer_an_archive_under_archive_hangs() {
        withFault(TransportFault.ARCHIVE_HANGS, (server, client) -> assertThatThrownBy(() ->
                readHead(archive(server, client.fixture("idle_child"), 1500)))
                .isInstanceOf(SocketTimeoutException.class));
    }

    @Test
    void should_send_the_archive_answer_one_byte_at_a_time_under_archive_body_drips() throws IOException {
        withFault(TransportFault.ARCHIVE_BODY_DRIPS, (server, client) -> {
            try (Socket socket = archive(server, client.fixture("idle_child"), 5000)) {
                String head = readHead(socket);
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    assertThat(socket.getInputStream().read()).isNotNegative();
                }

                assertThat(head).startsWith("HTTP/1.1 200");
                assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 5 bytes").isGreaterThanOrEqualTo(700);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void should_stream_fifty_megabytes_under_archive_body_flood() {
        withFault(TransportFault.ARCHIVE_BODY_FLOOD, (server, client) -> {
            try (Socket socket = archive(server, client.fixture("idle_child"), 5000)) {
                String head = readHead(socket);
                byte[] first = socket.getInputStream().readNBytes(1 << 20);

                assertThat(head).containsIgnoringCase("Content-Length: " + TransportFault.FLOOD_BYTES);
                assertThat(new String(first, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("{\"id\":\"x");
                assertThat(first).hasSize(1 << 20);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void should_redirect_the_archive_to_the_other_loopback_name_under_redirect_to_other_origin() {
        withFault(TransportFault.REDIRECT_TO_OTHER_ORIGIN, (server, client) -> {
            try (Socket socket = archive(server, client.fixture("idle_child"), 5000)) {
                String head = readHead(socket);

                assertThat(head).startsWith("HTTP/1.1 307")
                        .containsIgnoringCase("Location: http://localhost:" + server.port() + "/v1/sessions/");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void should_cut_the_archive_answer_short_under_reset_connection() {
        withFault(TransportFault.RESET_CONNECTION, (server, client) -> {
            try (Socket socket = archive(server, client.fixture("idle_child"), 5000)) {
                String head = readHead(socket);
                long length = Long.parseLong(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
                byte[] body;
                try {
                    body = socket.getInputStream().readAllBytes();
                } catch (IOException reset) {
                    body = new byte[0];
                }

                assertThat((long) body.length).as("bytes of the body that arrived").isLessThan(length);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void should_refuse_every_tenth_request_with_429_and_retry_after_under_rate_limited() {
        ServerOptions options = RefClient.options().withVariation(Variation.RATE_LIMITED);
        try (ReferenceServer server = RefClient.start(options)) {
            RefClient client = new RefClient(server);
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                replies.add(client.get("/v1/sessions/sess_unknown/threads"));
            }

            assertThat(replies.get(9).status()).isEqualTo(429);
            assertThat(replies.get(9).errorType()).isEqualTo("rate_limit_error");
            assertThat(replies.get(9).headers().firstValue("Retry-After")).contains("1");
            assertThat(replies.get(19).status()).isEqualTo(429);
            assertThat(replies.get(22).status()).isEqualTo(503);
            assertThat(replies.stream().filter(r -> r.status() == 404).count()).isEqualTo(20);
        }
    }

    private static Socket archive(ReferenceServer server, JsonNode fixture, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(readTimeoutMillis);
        String path = "/v1/sessions/" + fixture.get("session_id").asString() + "/threads/"
                + fixture.get("thread_id").asString() + "/archive";
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nAuthorization: " + RefClient.BEARER + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The status line and headers, up to the empty line. */
    private static String readHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private interface Check {
        void accept(ReferenceServer server, RefClient client) throws IOException;
    }

    private static void withFault(TransportFault fault, Check check) {
        ServerOptions options = RefClient.options().withTransportFaults(java.util.Set.of(fault));
        try (ReferenceServer server = RefClient.start(options)) {
            check.accept(server, new RefClient(server));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
