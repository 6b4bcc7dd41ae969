package org.sessionthreads.conformance.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * An answer of the target, with the (redacted) exchange it came from. Reading a field of a body that is not JSON
 * gives null, so a malformed answer becomes a failed assertion, not a crash of the suite. The body is decoded as
 * strict UTF-8 ({@link BodyText#decode}): a body with a byte that is not UTF-8 reads as no JSON at all, and
 * {@link #utf8Problem()} names the byte.
 */
public final class ApiResponse {
    private final Exchange exchange;
    private final String body;
    private final String utf8Problem;
    private final int size;
    private final org.sessionthreads.conformance.config.Dialect dialect;
    private JsonNode json;

    ApiResponse(Exchange exchange, byte[] bytes) {
        BodyText.Decoded decoded = BodyText.decode(bytes);
        this.exchange = exchange;
        this.body = decoded.text();
        this.utf8Problem = decoded.problem(bytes);
        this.size = bytes.length;
        this.dialect = org.sessionthreads.conformance.config.Dialect.DEFAULT;
    }

    private ApiResponse(ApiResponse answer, org.sessionthreads.conformance.config.Dialect dialect) {
        this.exchange = answer.exchange;
        this.body = answer.body;
        this.utf8Problem = answer.utf8Problem;
        this.size = answer.size;
        this.dialect = dialect;
    }

    /** This answer, read under {@code newDialect} (which Session Thread schema its body must meet). */
    ApiResponse in(org.sessionthreads.conformance.config.Dialect newDialect) {
        return newDialect == dialect ? this : new ApiResponse(this, newDialect);
    }

    /** The dialect the run follows: it names the Session Thread schema this answer's thread must meet. */
    public org.sessionthreads.conformance.config.Dialect dialect() {
        return dialect;
    }

    public int status() {
        return exchange.status();
    }

    /** The body as received (not redacted: use {@link #exchange()} for anything that is written somewhere). */
    public String body() {
        return body;
    }

    public JsonNode json() {
        if (json == null) {
            json = utf8Problem.isEmpty() ? JsonBody.parse(body) : MissingNode.getInstance();
        }
        return json;
    }

    /**
     * Why the body is not UTF-8 ({@code byte 0xC3 at offset 17 is not valid UTF-8}), or empty when it is. A body
     * that is not UTF-8 is not JSON (RFC 8259 §8.1), whatever its text looks like after lenient decoding.
     */
    public String utf8Problem() {
        return utf8Problem;
    }

    /** The body's size in bytes. */
    public int size() {
        return size;
    }

    /** The start of the (redacted) body, quoted and escaped, with its size: what failure messages show. */
    public String excerpt() {
        return BodyText.excerpt(exchange.responseBody(), size);
    }

    public Exchange exchange() {
        return exchange;
    }

    public SessionThread thread() {
        return new SessionThread(json());
    }

    public ApiError error() {
        return ApiError.from(status(), json());
    }

    /** The {@code data} items of a list page. */
    public List<Event> events() {
        return items(Event::new);
    }

    public List<SessionThread> threads() {
        return items(SessionThread::new);
    }

    public boolean hasMore() {
        return json().path("has_more").asBoolean(false);
    }

    public String lastId() {
        return JsonBody.text(json(), "last_id");
    }

    public String nextPage() {
        return JsonBody.text(json(), "next_page");
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return exchange.responseHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private <T> List<T> items(Function<JsonNode, T> view) {
        List<T> items = new ArrayList<>();
        json().path("data").forEach(node -> items.add(view.apply(node)));
        return items;
    }

    @Override
    public String toString() {
        return exchange.summary();
    }
}
