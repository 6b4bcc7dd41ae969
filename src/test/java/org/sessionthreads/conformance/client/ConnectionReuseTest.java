package org.sessionthreads.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;

/**
 * {@link ApiClient#onOneConnection} sends its requests on one kept-alive connection where the target keeps it
 * open, says so truthfully when it does not, and leaves every other request on a connection of its own.
 */
class ConnectionReuseTest {
    private static final Secret TOKEN = Secret.of("ct-connection-reuse");
    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void should_send_the_requests_of_a_scope_on_one_connection_the_target_keeps_open() throws IOException {
        ApiClient client = serve(false);
        List<Integer> statuses = new ArrayList<>();

        ConnectionReuse reuse = client.onOneConnection(() -> {
            statuses.add(client.send("GET", url("a"), Credentials.profileToken(), null).status());
            statuses.add(client.send("GET", url("b"), Credentials.none(), null).status());
            statuses.add(client.send("GET", url("c"), Credentials.profileToken(), null).status());
        });

        assertThat(statuses).containsExactly(200, 200, 200);
        assertThat(reuse.oneConnection()).as(reuse.describe()).isTrue();
        assertThat(reuse.describe()).isEqualTo("3 requests on 1 connection");
        assertThat(clientPorts).as("client ports the server saw").hasSize(1);
    }

    @Test
    void should_say_so_when_the_target_closes_the_connection_after_each_answer() throws IOException {
        ApiClient client = serve(true);

        ConnectionReuse reuse = client.onOneConnection(() -> {
            client.send("GET", url("a"), Credentials.profileToken(), null);
            client.send("GET", url("b"), Credentials.none(), null);
        });

        assertThat(reuse.oneConnection()).isFalse();
        assertThat(reuse.describe()).isEqualTo("2 requests on 2 connections");
        assertThat(clientPorts).hasSize(2);
    }

    @Test
    void should_send_requests_outside_a_scope_on_a_connection_each() throws IOException {
        ApiClient client = serve(false);

        client.send("GET", url("a"), Credentials.profileToken(), null);
        client.send("GET", url("b"), Credentials.profileToken(), null);

        assertThat(clientPorts).hasSize(2);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/" + path);
    }

    private ApiClient serve(boolean closeEachConnection) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (closeEachConnection) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new ApiClient(TOKEN, Duration.ofSeconds(5), new Redactor(List.of(TOKEN)), x -> { });
    }
}
