package org.sessionthreads.conformance.client.filters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import org.sessionthreads.conformance.client.BodyText;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.config.Redactor;

/**
 * Records every request and its answer (or its transport failure) as a redacted {@link Exchange} and hands it to
 * the listener. This is the only way exchanges reach reports, so redaction cannot be bypassed by a scenario.
 *
 * <p>The request headers recorded are those the request went out with (given by {@code sent}), not rest-assured's
 * view of the request, which lists a form content type for a body-less POST that never goes on the wire. Left
 * out are the headers the HTTP client adds for the connection ({@link #CONNECTION_HEADERS}), which the suite does
 * not choose and a reproduction must not copy. A request that never went out is recorded as the suite built it.
 */
public final class ExchangeCaptureFilter implements Filter {
    private final Redactor redactor;
    private final ExchangeListener listener;
    private final boolean profileToken;
    private final Supplier<List<Map.Entry<String, String>>> sent;

    /** Headers the HTTP client writes for the connection itself (lower case). */
    public static final Set<String> CONNECTION_HEADERS = Set.of("host", "content-length", "connection",
            "user-agent", "accept-encoding", "transfer-encoding", "expect");

    /**
     * @param profileToken the request carries the profile's own token ({@link Exchange#profileToken()})
     * @param sent         the header lines the request went out with; empty when it did not go out
     */
    public ExchangeCaptureFilter(Redactor redactor, ExchangeListener listener, boolean profileToken,
                                 Supplier<List<Map.Entry<String, String>>> sent) {
        this.redactor = redactor;
        this.listener = listener;
        this.profileToken = profileToken;
        this.sent = sent;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        try {
            Response response = context.next(request, responseSpec);
            Exchange exchange = exchange(request, response.statusCode(), headers(response.getHeaders()),
                    BodyText.forReport(redactor, response.asByteArray()), started, start, null);
            listener.onExchange(exchange);
            return response;
        } catch (Exception e) { // rest-assured may throw checked IO exceptions without declaring them
            listener.onExchange(exchange(request, 0, Map.of(), "", started, start, String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private Exchange exchange(FilterableRequestSpecification request, int status,
                              Map<String, List<String>> responseHeaders, String responseBody,
                              Instant started, long start, String failure) {
        Object body = request.getBody();
        List<Map.Entry<String, String>> wire = sent.get();
        return new Exchange(request.getMethod(), redactor.text(request.getURI()),
                wire.isEmpty() ? headers(request.getHeaders()) : sentHeaders(wire),
                body == null ? "" : redactor.text(body.toString()), status, responseHeaders, responseBody,
                started, Duration.ofNanos(System.nanoTime() - start), request.getHeaders().getValue("x-request-id"),
                failure == null ? null : redactor.text(failure), profileToken);
    }

    private Map<String, List<String>> sentHeaders(List<Map.Entry<String, String>> wire) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        wire.stream().filter(h -> !CONNECTION_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT)))
                .forEach(h -> out.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                        .add(redactor.header(h.getKey(), h.getValue())));
        return out;
    }

    private Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach(h -> out.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>())
                .add(redactor.header(h.getName(), h.getValue())));
        return out;
    }
}
