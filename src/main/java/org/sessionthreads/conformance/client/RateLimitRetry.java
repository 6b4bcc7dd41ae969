package org.sessionthreads.conformance.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sessionthreads.conformance.waits.Pause;
import org.sessionthreads.conformance.client.transport.RetryAfter;
import org.sessionthreads.conformance.config.TransportLimits;

/**
 * Sending one request again while it is answered 429 or 503, the same way for both HTTP doors: after the answer's
 * {@code Retry-After} (seconds or HTTP-date) or a backoff, as long as {@code retry.attempts} and
 * {@code retry.budget} allow. A {@code Retry-After} longer than what is left of the budget ends the retries at
 * once (waiting would not help, retrying earlier than asked is impolite), with {@link RateLimitedException}.
 *
 * @param <A> the answer type of one attempt
 */
public final class RateLimitRetry<A> {
    private final TransportLimits limits;
    private final Function<A, Integer> status;
    private final Function<A, String> retryAfter;
    private final Function<A, String> summary;

    /**
     * @param status     the HTTP status of an answer
     * @param retryAfter its {@code Retry-After} header, or null
     * @param summary    its one-line summary for the message (already redacted)
     */
    public RateLimitRetry(TransportLimits limits, Function<A, Integer> status, Function<A, String> retryAfter,
                          Function<A, String> summary) {
        this.limits = limits;
        this.status = status;
        this.retryAfter = retryAfter;
        this.summary = summary;
    }

    /**
     * The first answer of {@code attempt} that is neither 429 nor 503.
     *
     * @param request e.g. {@code POST http://…/archive} (redacted), for the message
     * @throws RateLimitedException when the budget is spent
     */
    public A send(String request, Supplier<A> attempt) {
        long budgetEnds = System.nanoTime() + limits.retryBudget().toNanos();
        for (int n = 1; ; n++) {
            A answer = attempt.get();
            int code = status.apply(answer);
            if (code != 429 && code != 503) {
                return answer;
            }
            Optional<Duration> asked = RetryAfter.parse(retryAfter.apply(answer), Clock.systemUTC());
            Duration wait = asked.orElse(RetryAfter.backoff(n));
            Duration left = Duration.ofNanos(budgetEnds - System.nanoTime());
            if (n >= limits.retryAttempts() || wait.compareTo(left) > 0) {
                throw new RateLimitedException("rate limited by the target: " + request + " answered " + code + " "
                        + n + " time(s)" + asked.map(a -> " (last Retry-After " + a.toMillis() + " ms)").orElse("")
                        + "; retry.budget " + limits.retryBudget().toSeconds() + " s / retry.attempts "
                        + limits.retryAttempts() + " spent; last: " + summary.apply(answer));
            }
            if (!Pause.parkFor(wait)) {
                throw new TransportException("interrupted while waiting to retry " + request, null);
            }
        }
    }
}
