package org.sessionthreads.conformance.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.TargetHealth;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.TransportLimits;

/**
 * What the suite puts on the wire, read from a raw socket: a body-less POST carries no content type (no client
 * default the suite did not mean), every header the recorded {@link Exchange} lists went out as recorded, and a
 * cookie the target set never comes back (rest-assured's cookie policy is {@code ignoreCookies}), neither on the
 * same kept-alive connection nor on a request of its own.
 */
class WireHeadersTest {
    private static final Secret TOKEN = Secret.of("ct-wire-headers-token");
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @Test
    void should_send_a_body_less_post_without_a_content_type() throws Exception {
        List<String> wire = sendAndCapture("POST", null);

        assertThat(wire).noneMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"));
        assertThat(exchanges).singleElement().satisfies(e -> assertThat(e.requestHeaders().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("Content-Type")));
    }

    @Test
    void should_send_a_json_body_with_exactly_the_json_content_type() throws Exception {
        List<String> wire = sendAndCapture("POST", "{\"a\":1}");

        assertThat(wire).filteredOn(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .containsExactly("Content-Type: application/json");
    }

    @Test
    void should_record_every_header_as_it_went_on_the_wire() throws Exception {
        List<String> wire = sendAndCapture("POST", null);

        Exchange exchange = exchanges.get(0);
        exchange.requestHeaders().forEach((name, values) -> values.forEach(value -> assertThat(wire)
                .anyMatch(line -> line.equalsIgnoreCase(name + ": " + value.replace(Secret.MASK, TOKEN.reveal())))));
    }

    @Test
    void should_send_no_cookie_back_not_even_on_the_connection_whose_answer_set_it() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<List<String>>> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket s = socket.accept()) {
                    List<String> first = readHead(s.getInputStream());
                    answer(s, "Set-Cookie: lb=node-2; Path=/\r\n");
                    List<String> second = readHead(s.getInputStream());
                    answer(s, "Connection: close\r\n");
                    return List.of(first, second);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ApiClient client = client();
            URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/x");
            client.onOneConnection(() -> {
                client.send("GET", url, Credentials.profileToken(), null);
                client.send("GET", url, Credentials.profileToken(), null);
            });

            List<List<String>> heads = seen.get(5, TimeUnit.SECONDS);
            assertThat(heads.get(0)).noneMatch(WireHeadersTest::isCookie);
            assertThat(heads.get(1)).noneMatch(WireHeadersTest::isCookie);
        }
    }

    @Test
    void should_send_no_cookie_on_a_request_of_its_own_after_an_answer_that_set_one() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
                acceptOne(socket, "Set-Cookie: lb=node-2; Path=/\r\nConnection: close\r\n");
                return acceptOne(socket, "Connection: close\r\n");
            });
            ApiClient client = client();
            URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/x");
            client.send("GET", url, Credentials.profileToken(), null);
            client.send("GET", url, Credentials.profileToken(), null);

            assertThat(second.get(5, TimeUnit.SECONDS)).noneMatch(WireHeadersTest::isCookie);
        }
    }

    private ApiClient client() {
        return new ApiClient(TOKEN, Duration.ofSeconds(5), TransportLimits.defaults(), TargetHealth.unlimited(),
                new Redactor(List.of(TOKEN)), exchanges::add);
    }

    private static boolean isCookie(String headerLine) {
        return headerLine.toLowerCase(Locale.ROOT).startsWith("cookie:");
    }

    /** Takes one connection, reads one request's head, answers it (see {@link #answer}) and closes it. */
    private static List<String> acceptOne(ServerSocket socket, String headers) {
        try (Socket s = socket.accept()) {
            List<String> lines = readHead(s.getInputStream());
            answer(s, headers);
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Answers 204 with {@code headers} (each line ending in CRLF). */
    private static void answer(Socket socket, String headers) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 204 No Content\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one request to a raw socket that answers 204 and returns the request's header lines as sent. */
    private List<String> sendAndCapture(String method, String body) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(
                    () -> acceptOne(socket, "Connection: close\r\n"));
            ApiClient client = client();
            client.send(method, URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/x"),
                    Credentials.profileToken(), body);
            return seen.get(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] sofar = head.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        List<String> lines = new ArrayList<>(List.of(head.toString(StandardCharsets.ISO_8859_1).split("\r\n")));
        lines.remove(0); // the request line
        return lines;
    }
}
