package org.sessionthreads.conformance.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.sessionthreads.conformance.client.filters.ExchangeCaptureFilter;
import org.sessionthreads.conformance.client.transport.GuardedHttpClient;
import org.sessionthreads.conformance.client.transport.Manners;
import org.sessionthreads.conformance.client.transport.RequestGuard;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.TransportLimits;

/**
 * The one HTTP door of the suite. It is built once per run from the target and never touches rest-assured's
 * static defaults. Every request carries an {@code x-request-id} ({@code conformance-<run>-<n>}) so that a failure
 * can be matched with the target's logs.
 *
 * <p>Time and size are bounded per request (docs/transport.md):
 * <ul>
 *   <li>{@code timeouts.request} is the total time of one request, body included ({@link RequestGuard});</li>
 *   <li>a body longer than {@code limits.body} is cut off and ends with a marker (then judged, not held);</li>
 *   <li>429 and 503 are sent again, after their {@code Retry-After} or a backoff, within {@code retry.budget} and
 *   {@code retry.attempts}; after that, {@link RateLimitedException} (an ERROR);</li>
 *   <li>redirects are never followed: a 3xx is the answer, judged like any other, and the token never travels
 *   to the origin a redirect names;</li>
 *   <li>{@code limits.in_flight} and {@code limits.rate} cap the whole run's requests, all scenarios together
 *   ({@link Manners}); every request sent is counted per endpoint ({@link RequestCounts});</li>
 *   <li>{@code limits.unanswered} requests in a row without an answer stop the run ({@link TargetHealth}).</li>
 * </ul>
 */
public final class ApiClient {
    private final Secret token;
    private final Redactor redactor;
    private final ExchangeListener listener;
    private final Duration deadline;
    private final TargetHealth health;
    private final RateLimitRetry<ApiResponse> retry;
    /**
     * The configuration of every request, built once. Each request gets it with {@code config(…)} rather than by
     * merging a prepared specification ({@code spec(…)}), which copies every part of it per request.
     */
    private final RestAssuredConfig config;
    private final long bodyLimit;
    /**
     * The guard of the request this thread is sending. rest-assured builds the request's HTTP client through the
     * factory on the sending thread, so the one configuration built in the constructor serves every request.
     */
    private static final ThreadLocal<RequestGuard> CURRENT_GUARD = new ThreadLocal<>();
    /** The kept-alive connection this thread's requests through this client share, in {@link #onOneConnection}. */
    private final ThreadLocal<SharedConnection> shared = new ThreadLocal<>();
    private final RequestIds requestIds = new RequestIds("conformance");
    private final Manners manners;
    private final RequestCounts counts;

    /** A client with the default {@link TransportLimits} that never counts the target as stopped. */
    public ApiClient(Secret token, Duration requestTimeout, Redactor redactor, ExchangeListener listener) {
        this(token, requestTimeout, TransportLimits.defaults(), TargetHealth.unlimited(), redactor, listener);
    }

    /**
     * @param requestTimeout the total deadline of one request ({@code timeouts.request})
     * @param health         shared by every client of the run, so both HTTP doors count towards one verdict
     */
    public ApiClient(Secret token, Duration requestTimeout, TransportLimits limits, TargetHealth health,
                     Redactor redactor, ExchangeListener listener) {
        this(token, requestTimeout, limits, health, new Manners(limits), new RequestCounts(), redactor, listener);
    }

    /**
     * @param manners shared by every client of the run: the cap on requests in flight and on their rate
     * @param counts  shared by every client of the run: requests sent per endpoint
     */
    public ApiClient(Secret token, Duration requestTimeout, TransportLimits limits, TargetHealth health,
                     Manners manners, RequestCounts counts, Redactor redactor, ExchangeListener listener) {
        this.manners = manners;
        this.counts = counts;
        this.token = token;
        this.redactor = redactor;
        this.listener = listener;
        this.deadline = requestTimeout;
        this.health = health;
        this.retry = new RateLimitRetry<>(limits, ApiResponse::status, r -> r.header("Retry-After"),
                r -> r.exchange().summary());
        int millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
        this.bodyLimit = limits.bodyLimit();
        this.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .httpClientFactory(() -> shared.get() != null ? shared.get().client
                                : new GuardedHttpClient(ApiClient::guardOfThisRequest, bodyLimit))
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    private static RequestGuard guardOfThisRequest() {
        RequestGuard guard = CURRENT_GUARD.get();
        if (guard == null) {
            throw new IllegalStateException("an HTTP client was asked for outside ApiClient.send");
        }
        return guard;
    }

    /**
     * Runs {@code requests} with every request this thread sends through this client going out through one HTTP
     * client, so that they ride one kept-alive connection where the target keeps it open. Nothing else changes:
     * deadlines, body limits, manners and counts apply per request as always. The connection is closed at the end.
     *
     * @return which connections the requests rode (a target may close the connection after any answer)
     */
    public ConnectionReuse onOneConnection(Runnable requests) {
        if (shared.get() != null) {
            throw new IllegalStateException("onOneConnection does not nest");
        }
        SharedConnection scope = new SharedConnection(new GuardedHttpClient(ApiClient::guardOfThisRequest,
                bodyLimit));
        shared.set(scope);
        try {
            requests.run();
        } finally {
            shared.remove();
            scope.client.getConnectionManager().shutdown();
        }
        return new ConnectionReuse(scope.localPorts);
    }

    /** The HTTP client of an {@link #onOneConnection} scope and the local port of each request it sent. */
    private record SharedConnection(GuardedHttpClient client, List<Integer> localPorts) {
        SharedConnection(GuardedHttpClient client) {
            this(client, new ArrayList<>());
        }
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
     * Sends one request with {@code options} (credentials, {@code Idempotency-Key}), again after a 429 or 503
     * within the retry budget. {@code url} must already be encoded (see {@link Paths}).
     *
     * @throws NoAnswerException        when no HTTP answer arrives within the deadline, or the connection is refused
     * @throws TargetStoppedAnsweringException when the target has stopped answering (now or before)
     * @throws RateLimitedException     when 429/503 answers outlast the retry budget
     * @throws TransportException       when the answer breaks off (connection reset)
     */
    public ApiResponse send(String method, URI url, RequestOptions options, String jsonBody) {
        return retry.send(method + " " + redactor.text(url.toString()), () -> sendOnce(method, url, options, jsonBody));
    }

    private ApiResponse sendOnce(String method, URI url, RequestOptions options, String jsonBody) {
        health.check();
        Exchange[] captured = new Exchange[1];
        try (Manners.Turn turn = turn(method, url); RequestGuard guard = RequestGuard.of(deadline)) {
            counts.sent(method, url);
            RequestSpecification request = RestAssured.given().config(config).urlEncodingEnabled(false)
                    .filter(new ExchangeCaptureFilter(redactor, exchange -> {
                        captured[0] = exchange;
                        listener.onExchange(exchange);
                    }, options.credentials() instanceof Credentials.ProfileToken, guard::sentHeaders))
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
            CURRENT_GUARD.set(guard);
            try {
                response = request.request(method, url);
            } catch (Exception e) { // rest-assured rethrows IO exceptions undeclared
                throw transportFailure(method, url, e, guard);
            } finally {
                CURRENT_GUARD.remove();
                SharedConnection scope = shared.get();
                if (scope != null) {
                    scope.localPorts.add(guard.localPort());
                }
            }
            health.answered();
            return new ApiResponse(captured[0], response.asByteArray());
        }
    }

    /** Waits for this request's turn under {@code limits.in_flight} and {@code limits.rate}. */
    private Manners.Turn turn(String method, URI url) {
        try {
            return manners.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to send " + method + " "
                    + redactor.text(url.toString()), e);
        }
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

    /**
     * What a failed request means: the deadline (whatever exception the shut-down connection caused), a refused
     * connection, or an answer that broke off; the first two count towards {@link TargetHealth}.
     */
    private RuntimeException transportFailure(String method, URI url, Exception e, RequestGuard guard) {
        String request = method + " " + redactor.text(url.toString());
        if (guard.expired()) {
            return health.unanswered(new NoAnswerException(NoAnswerException.Kind.DEADLINE, request,
                    "deadline " + seconds(deadline) + " exceeded", e));
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause == null && e instanceof RuntimeException runtime) {
            return runtime;
        }
        Throwable io = cause == null ? e : cause;
        String why = redactor.text(io.getClass().getSimpleName() + " " + io.getMessage());
        if (io instanceof SocketTimeoutException) { // why: the read timeout equals the deadline; which fires first is luck
            return health.unanswered(new NoAnswerException(NoAnswerException.Kind.DEADLINE, request,
                    "deadline " + seconds(deadline) + " exceeded (" + why + ")", e));
        }
        if (io instanceof ConnectException) { // HttpHostConnectException included: nothing listens
            return health.unanswered(new NoAnswerException(NoAnswerException.Kind.REFUSED, request,
                    "connection refused (" + why + ")", e));
        }
        return new TransportException("no answer from " + request + ": " + why, e);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
