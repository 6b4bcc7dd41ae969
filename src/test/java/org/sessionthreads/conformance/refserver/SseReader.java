package org.sessionthreads.conformance.refserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads an event stream of the reference server line by line on a daemon thread. */
final class SseReader implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private volatile boolean finished;

    private SseReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and returns once the response headers have arrived. */
    static SseReader open(RefClient client, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.origin() + path))
                .header("Authorization", RefClient.BEARER).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new SseReader(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** True once the server ended the stream. */
    boolean finished() {
        return finished;
    }

    /** The events received so far, parsed from their {@code data:} lines, checking each frame's shape. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        List<String> snapshot = lines();
        for (int i = 0; i + 2 < snapshot.size(); i++) {
            if (snapshot.get(i).startsWith("id: ")) {
                JsonNode event = RefClient.parse(snapshot.get(i + 2).substring("data: ".length()));
                check(snapshot.get(i).equals("id: " + event.get("id").asString()), snapshot.get(i));
                check(snapshot.get(i + 1).equals("event: " + event.get("type").asString()), snapshot.get(i + 1));
                events.add(event);
            }
        }
        return events;
    }

    @Override
    public void close() {
        response.body().close();
    }

    private void read() {
        try {
            response.body().forEach(lines::add);
        } catch (RuntimeException closed) {
            // the test closed the stream
        } finally {
            finished = true;
        }
    }

    private static void check(boolean ok, String line) {
        if (!ok) {
            throw new AssertionError("malformed SSE frame line: " + line);
        }
    }
}
