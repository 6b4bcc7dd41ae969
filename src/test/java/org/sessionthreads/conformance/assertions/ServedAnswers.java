package org.sessionthreads.conformance.assertions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;

/**
 * Answers served over HTTP on a local port and read through the suite's real client, so the assertions see an
 * {@link ApiResponse} exactly as a target's. Close it to stop the server.
 */
final class ServedAnswers implements AutoCloseable {
    private final Secret token;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();

    ServedAnswers(Secret token) {
        this.token = token;
    }

    /** The exchanges the client recorded (redacted, as reports see them). */
    List<Exchange> exchanges() {
        return exchanges;
    }

    ApiResponse answer(int status, String contentType, String body) {
        return answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    ApiResponse answer(String contentType, byte[] body) {
        return answer(200, contentType, body);
    }

    ApiResponse answer(int status, String contentType, byte[] body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            servers.add(server);
            server.createContext("/", exchange -> {
                if (contentType != null) {
                    exchange.getResponseHeaders().add("Content-Type", contentType);
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ApiClient client = new ApiClient(token, Duration.ofSeconds(10), new Redactor(List.of(token)),
                exchanges::add);
        return client.send("GET", URI.create("http://127.0.0.1:" + servers.get(servers.size() - 1).getAddress()
                .getPort() + "/x"), Credentials.profileToken(), null);
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
    }
}
