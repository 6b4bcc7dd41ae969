package org.sessionthreads.conformance.client.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.http.HttpConnection;
import org.apache.http.HttpInetConnection;
import org.apache.http.HttpRequest;
import org.apache.http.client.methods.AbortableHttpRequest;
import org.apache.http.impl.client.RequestWrapper;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;

/**
 * The total deadline of one request. A socket read timeout restarts with every byte, so a body dripped one byte
 * every 200 ms would never time out; instead a watchdog thread shuts the request's connection down when the
 * deadline passes, whatever the request is doing (connecting is bounded by the connect timeout, set to the same
 * deadline). The blocked read then fails, and {@link #expired()} tells the caller it was the deadline.
 *
 * <p>One guard per request. Its clock starts when the connection is open and the request goes out (an interceptor
 * of {@link GuardedHttpClient} attaches the connection then): before that, the connect timeout (set to the same
 * deadline) bounds connecting, and rest-assured's own preparation, whose first run in a JVM can take seconds of
 * class loading, is not charged to the target. {@link #close} disarms it.
 */
public final class RequestGuard implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "conformance-request-watchdog");
        thread.setDaemon(true); // why: it must never keep the JVM alive
        return thread;
    });

    private final Duration deadline;
    private volatile HttpConnection connection;
    private volatile AbortableHttpRequest request;
    private volatile boolean expired;
    private volatile boolean cutOff;
    private volatile int localPort;
    private volatile List<Map.Entry<String, String>> sentHeaders = List.of();
    private ScheduledFuture<?> alarm; // guarded by this
    private boolean closed; // guarded by this

    private RequestGuard(Duration deadline) {
        this.deadline = deadline;
    }

    /** A guard for a request with {@code deadline}; its clock starts when the request goes out. */
    public static RequestGuard of(Duration deadline) {
        return new RequestGuard(deadline);
    }

    /** Starts the clock: the deadline is {@code deadline} from now. Arming twice keeps the first clock. */
    private synchronized void arm() {
        if (alarm == null && !closed) {
            alarm = WATCHDOG.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public Duration deadline() {
        return deadline;
    }

    /** True when the deadline passed before the request was done (the connection was then shut down). */
    public boolean expired() {
        return expired;
    }

    /** True when the answer's body was longer than the limit and cut off ({@link BoundedEntity}). */
    public boolean cutOff() {
        return cutOff;
    }

    /** The local port of the connection the request went out on (0 if unknown): tells connections apart. */
    public int localPort() {
        return localPort;
    }

    /**
     * The header lines the request went out with, in order, as the HTTP client wrote them (empty before it went
     * out): what the suite set and what the HTTP client added for the connection ({@code Host}, {@code
     * Content-Length}, ...). Unredacted; {@code ExchangeCaptureFilter} redacts them before anything records them.
     */
    public List<Map.Entry<String, String>> sentHeaders() {
        return sentHeaders;
    }

    void sent(HttpRequest request) {
        sentHeaders = Arrays.stream(request.getAllHeaders()).map(h -> Map.entry(h.getName(), h.getValue())).toList();
    }

    void markCutOff() {
        cutOff = true;
    }

    void attach(HttpRequest sent, HttpContext context) {
        Object attached = context.getAttribute(HttpCoreContext.HTTP_CONNECTION);
        connection = attached instanceof HttpConnection c ? c : null;
        localPort = attached instanceof HttpInetConnection inet ? inet.getLocalPort() : 0;
        Object original = sent instanceof RequestWrapper wrapper ? wrapper.getOriginal() : sent;
        request = original instanceof AbortableHttpRequest abortable ? abortable : null;
        arm();
    }

    private void expire() {
        expired = true;
        abort();
    }

    /** Shuts the connection down at once (no draining); any thread blocked on it gets an IOException. */
    void abort() {
        try {
            HttpConnection c = connection;
            if (c != null) {
                c.shutdown();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone either way
        }
        AbortableHttpRequest r = request;
        if (r != null) {
            r.abort();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (alarm != null) {
            alarm.cancel(false);
        }
    }
}
