package org.sessionthreads.conformance.client.filters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public final class ExchangeCaptureFilter implements Filter {
    private final Redactor redactor;
    private final ExchangeListener listener;
    private final boolean profileToken;

    /** @param profileToken the request carries the profile's own token ({@link Exchange#profileToken()}) */
    public ExchangeCaptureFilter(Redactor redactor, ExchangeListener listener, boolean profileToken) {
        this.redactor = redactor;
        this.listener = listener;
        this.profileToken = profileToken;
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
        return new Exchange(request.getMethod(), redactor.text(request.getURI()), headers(request.getHeaders()),
                body == null ? "" : redactor.text(body.toString()), status, responseHeaders, responseBody,
                started, Duration.ofNanos(System.nanoTime() - start), request.getHeaders().getValue("x-request-id"),
                failure == null ? null : redactor.text(failure), profileToken);
    }

    private Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach(h -> out.computeIfAbsent(h.getName(), k -> new java.util.ArrayList<>())
                .add(redactor.header(h.getName(), h.getValue())));
        return out;
    }
}
