package org.sessionthreads.conformance.refserver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for request targets that {@link java.net.URI} refuses to build (such as
 * {@code /v1/sessions/%zz/threads}). One request per connection; understands only what the server sends back.
 */
final class RawHttp {
    private RawHttp() {
    }

    static Reply send(int port, String method, String target, String body, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request(method, target, body, headers).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String request(String method, String target, String body, String... headers) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
        return request.append(body == null ? "" : body).toString();
    }

    private static Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, split).split("\r\n");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            fields.computeIfAbsent(head[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).trim());
        }
        HttpHeaders headers = HttpHeaders.of(fields, (name, value) -> true);
        String body = text.substring(split + 4);
        if (headers.firstValue("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
            body = dechunk(body);
        }
        return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int position = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", position);
            int size = Integer.parseInt(chunked.substring(position, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
