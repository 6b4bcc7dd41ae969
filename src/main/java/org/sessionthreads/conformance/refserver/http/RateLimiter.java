package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * {@link Variation#RATE_LIMITED}: a gateway that refuses some requests before the server sees them. Every
 * {@value Variation#RATE_LIMIT_EVERY}th request gets 429 {@code rate_limit_error} with {@code Retry-After: 1},
 * every {@value Variation#UNAVAILABLE_EVERY}th 503 {@code overloaded_error} without {@code Retry-After}. Nothing
 * else happens for a refused request, so sending it again is always safe.
 */
final class RateLimiter implements Handler {
    private final AtomicLong requests = new AtomicLong();

    @Override
    public void handle(Context ctx) {
        long n = requests.incrementAndGet();
        if (n % Variation.RATE_LIMIT_EVERY == 0) {
            throw new ApiException(429, "rate_limit_error", "Too many requests; retry after 1 second.",
                    Map.of("Retry-After", "1"));
        }
        if (n % Variation.UNAVAILABLE_EVERY == 0) {
            throw new ApiException(503, "overloaded_error", "Overloaded; try again.", Map.of());
        }
    }
}
