package org.sessionthreads.conformance.client.sse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.client.ExchangeListener;
import org.sessionthreads.conformance.client.NoAnswerException;
import org.sessionthreads.conformance.client.RateLimitRetry;
import org.sessionthreads.conformance.client.RequestCounts;
import org.sessionthreads.conformance.client.RequestIds;
import org.sessionthreads.conformance.client.TargetHealth;
import org.sessionthreads.conformance.client.TransportException;
import org.sessionthreads.conformance.client.transport.Manners;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.TransportLimits;

/**
 * The suite's second HTTP door, for Server-Sent Events: rest-assured reads whole bodies, a stream never ends, so
 * streams go through {@code java.net.http}. Like {@code ApiClient} it is built once per run, sends the profile's
 * bearer token and an {@code x-request-id}, and hands every opening request to the {@link ExchangeListener} as a
 * redacted {@link Exchange} (token masked in headers and in any text), on the caller's thread.
 */
public final class SseClient {
    private final HttpClient http;
    private final Secret token;
    private final Duration requestTimeout;
    private final Redactor redactor;
    private final ExchangeListener listener;
    private final RequestIds requestIds = new RequestIds("conformance-sse");
    private final TargetHealth health;
    private final RateLimitRetry<SseConnection> retry;
    private final Manners manners;
    private final RequestCounts counts;

    public SseClient(Secret token, Duration requestTimeout, Redactor redactor, ExchangeListener listener) {
        this(token, requestTimeout, TransportLimits.defaults(), TargetHealth.unlimited(), redactor, listener);
    }

    /**
     * @param requestTimeout bounds the opening of a stream (until its headers), not the stream itself, which is
     *                       long-lived by design: its readers bound their own waits
     * @param limits         the 429/503 retry budget of opening a stream
     * @param health         shared with the run's {@code ApiClient}: a stream that cannot be opened counts too
     */
    public SseClient(Secret token, Duration requestTimeout, TransportLimits limits, TargetHealth health,
                     Redactor redactor, ExchangeListener listener) {
        this(token, requestTimeout, limits, health, new Manners(limits), new RequestCounts(), redactor, listener);
    }

    /**
     * @param manners shared with the run's {@code ApiClient}: opening a stream takes a turn under
     *                {@code limits.in_flight} and {@code limits.rate} until its headers have arrived (an open stream
     *                then holds no slot: it is long-lived by design)
     * @param counts  shared with the run's {@code ApiClient}: requests sent per endpoint
     */
    public SseClient(Secret token, Duration requestTimeout, TransportLimits limits, TargetHealth health,
                     Manners manners, RequestCounts counts, Redactor redactor, ExchangeListener listener) {
        this.manners = manners;
        this.counts = counts;
        this.health = health;
        this.retry = new RateLimitRetry<>(limits, c -> c.exchange().status(),
                c -> c.exchange().responseHeaders().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("Retry-After") && !e.getValue().isEmpty())
                        .map(e -> e.getValue().get(0)).findFirst().orElse(null),
                c -> c.exchange().summary());
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.redactor = redactor;
        this.listener = listener;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Opens {@code GET url} as an event stream and returns once the answer's headers have arrived: with a 200 the
     * server has subscribed the stream, so everything it appends from then on will be sent. Any other status comes
     * back as a connection that is not {@link SseConnection#isOpen() open}, whose exchange carries the body.
     *
     * @param lastEventId sent as {@code Last-Event-ID} when not null, to resume after that event
     * @throws TransportException when no answer arrives within the request timeout
     * @throws org.sessionthreads.conformance.client.RateLimitedException when 429/503 outlast the retry budget
     */
    public SseConnection connect(URI url, String lastEventId, SseListener frames) {
        return retry.send("GET " + redactor.text(url.toString()), () -> connectOnce(url, lastEventId, frames));
    }

    private SseConnection connectOnce(URI url, String lastEventId, SseListener frames) {
        health.check();
        HttpRequest request = request(url, lastEventId);
        Manners.Turn turn;
        try {
            turn = manners.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(redactor.text("interrupted while waiting to open GET " + url), e);
        }
        try (turn) {
            counts.sent("GET", url);
            return connectOnce(request, frames);
        }
    }

    private SseConnection connectOnce(HttpRequest request, SseListener frames) {
        SseConnection.FrameSubscriber body = new SseConnection.FrameSubscriber(teed(request, frames));
        CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, info -> {
            head.complete(info);
            return info.statusCode() == 200 ? body : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        answer.whenComplete((response, failure) -> head.completeExceptionally(
                failure != null ? failure : new IOException("the answer ended before its headers")));
        HttpResponse.ResponseInfo info = await(head, answer, request);
        health.answered();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (info.statusCode() == 200) {
            Exchange exchange = exchange(request, info.statusCode(), info.headers(), "", startedAt, took);
            listener.onExchange(exchange);
            return SseConnection.open(exchange, body);
        }
        String text = await(answer, answer, request).body();
        Exchange exchange = exchange(request, info.statusCode(), info.headers(), redactor.text(text), startedAt, took);
        listener.onExchange(exchange);
        return SseConnection.refused(exchange);
    }

    /** {@code frames}, each message also handed to the exchange listener, redacted, under the request's id. */
    private SseListener teed(HttpRequest request, SseListener frames) {
        String requestId = request.headers().firstValue("x-request-id").orElse(null);
        return new SseListener() {
            @Override
            public void onFrame(SseFrame frame, long receivedNanos) {
                listener.onStreamMessage(requestId, redactor.text(frame.event()),
                        frame.id() == null ? null : redactor.text(frame.id()), redactor.text(frame.data()),
                        receivedNanos);
                frames.onFrame(frame, receivedNanos);
            }

            @Override
            public void onEnd(String reason) {
                frames.onEnd(reason);
            }
        };
    }

    private HttpRequest request(URI url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("Authorization", "Bearer " + token.reveal())
                .header("x-request-id", requestIds.next());
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request.build();
    }

    private <T> T await(CompletableFuture<T> result, CompletableFuture<?> exchange, HttpRequest request) {
        try {
            return result.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(request, "interrupted", e);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw health.unanswered(noAnswer(NoAnswerException.Kind.DEADLINE, request,
                    "deadline " + requestTimeout.toMillis() + " ms exceeded before the stream's headers", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.ConnectException) {
                throw health.unanswered(noAnswer(NoAnswerException.Kind.REFUSED, request,
                        "connection refused (" + cause.getClass().getSimpleName() + ")", cause));
            }
            throw failure(request, cause.getClass().getSimpleName() + " " + cause.getMessage(), cause);
        }
    }

    private NoAnswerException noAnswer(NoAnswerException.Kind kind, HttpRequest request, String why, Throwable cause) {
        failure(request, why, cause); // records the exchange
        return new NoAnswerException(kind, redactor.text("GET " + request.uri()), why, cause);
    }

    private TransportException failure(HttpRequest request, String why, Throwable cause) {
        Exchange exchange = exchange(request, 0, HttpHeaders.of(Map.of(), (a, b) -> true), "", Instant.now(),
                Duration.ZERO);
        listener.onExchange(new Exchange(exchange.method(), exchange.url(), exchange.requestHeaders(), "", 0,
                Map.of(), "", exchange.startedAt(), Duration.ZERO, exchange.requestId(), redactor.text(why), true));
        return new TransportException(redactor.text("no answer from GET " + request.uri() + ": " + why), cause);
    }

    private Exchange exchange(HttpRequest request, int status, HttpHeaders responseHeaders, String body,
                              Instant startedAt, Duration took) {
        return new Exchange("GET", redactor.text(request.uri().toString()), redacted(request.headers()), "", status,
                redacted(responseHeaders), body, startedAt, took,
                request.headers().firstValue("x-request-id").orElse(null), null, true);
    }

    private Map<String, List<String>> redacted(HttpHeaders headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.map().forEach((name, values) -> {
            List<String> masked = new ArrayList<>();
            values.forEach(value -> masked.add(redactor.header(name, value)));
            out.put(name, masked);
        });
        return out;
    }
}
