package org.sessionthreads.conformance.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.sessionthreads.conformance.client.filters.ExchangeCaptureFilter;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;

/**
 * The one HTTP door of the suite. It is built once per run from the target and never touches rest-assured's
 * static defaults. Every request carries an {@code x-request-id} ({@code conformance-<run>-<n>}) so that a failure
 * can be matched with the target's logs.
 */
public final class ApiClient {
    private final Secret token;
    private final Redactor redactor;
    private final ExchangeListener listener;
    private final RequestSpecification base;
    private final RequestIds requestIds = new RequestIds("conformance");

    public ApiClient(Secret token, Duration requestTimeout, Redactor redactor, ExchangeListener listener) {
        this.token = token;
        this.redactor = redactor;
        this.listener = listener;
        int millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
        this.base = new RequestSpecBuilder()
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis)))
                .setUrlEncodingEnabled(false)
                .build();
    }

    /**
     * Sends one request. {@code url} must already be encoded (see {@link Paths}).
     *
     * @throws TransportException when no HTTP answer arrives
     */
    public ApiResponse send(String method, URI url, Credentials credentials, String jsonBody) {
        return send(method, url, RequestOptions.defaults().withCredentials(credentials), jsonBody);
    }

    /**
     * Sends one request with {@code options} (credentials, {@code Idempotency-Key}). {@code url} must already be
     * encoded (see {@link Paths}).
     *
     * @throws TransportException when no HTTP answer arrives
     */
    public ApiResponse send(String method, URI url, RequestOptions options, String jsonBody) {
        Exchange[] captured = new Exchange[1];
        RequestSpecification request = RestAssured.given().spec(base)
                .filter(new ExchangeCaptureFilter(redactor, exchange -> {
                    captured[0] = exchange;
                    listener.onExchange(exchange);
                }))
                .header("x-request-id", requestIds.next())
                .header("Accept", "application/json");
        authenticate(request, options.credentials());
        if (options.idempotencyKey() != null) {
            request.header("Idempotency-Key", options.idempotencyKey());
        }
        if (jsonBody != null) {
            request.contentType("application/json").body(jsonBody);
        } else {
            request.noContentType(); // why: rest-assured would invent a form content type for a body-less POST
        }
        Response response;
        try {
            response = request.request(method, url);
        } catch (Exception e) { // rest-assured rethrows IO exceptions undeclared
            throw transportFailure(method, url, e);
        }
        return new ApiResponse(captured[0], new String(response.asByteArray(),
                StandardCharsets.UTF_8));
    }

    private void authenticate(RequestSpecification request, Credentials credentials) {
        if (credentials instanceof Credentials.ProfileToken) {
            request.header("Authorization", "Bearer " + token.reveal());
        } else if (credentials instanceof Credentials.OtherCaseToken) {
            request.header("Authorization", "Bearer " + swapCase(token.reveal()));
        } else if (credentials instanceof Credentials.NearMiss n) {
            request.header("Authorization", "Bearer " + n.variant().of(token.reveal()));
        } else if (credentials instanceof Credentials.TokenInHeader t) {
            request.header(t.name(), token.reveal());
        } else if (credentials instanceof Credentials.Header h) {
            request.header(h.name(), h.value());
        }
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> swapped.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.toUpperCase(c)));
        return swapped.toString();
    }

    private static RuntimeException transportFailure(String method, URI url, Exception e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause == null && e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new TransportException("no answer from " + method + " " + url + ": "
                + (cause == null ? e : cause).getClass().getSimpleName() + " " + (cause == null ? e : cause).getMessage(), e);
    }
}
