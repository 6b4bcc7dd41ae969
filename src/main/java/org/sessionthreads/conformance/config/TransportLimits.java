package org.sessionthreads.conformance.config;

import java.time.Duration;

/**
 * How much time and memory one target may take from the suite, beyond {@code timeouts.request} (the total time of
 * one request, body included). docs/transport.md.
 *
 * @param bodyLimit     bytes of one answer body the suite reads ({@code limits.body}); the rest is cut off and the
 *                      body ends with a marker, so the answer is judged (a FAIL of whatever it promised), not held
 * @param unanswered    consecutive requests without an answer (deadline exceeded, connection refused) after which
 *                      the target counts as stopped answering and every remaining scenario is an ERROR
 *                      ({@code limits.unanswered})
 * @param retryBudget   how long one request may keep being retried after 429/503 answers ({@code retry.budget})
 * @param retryAttempts how many times one request is sent at most, the first time included ({@code retry.attempts})
 * @param inFlight      requests the whole run has on the wire at once, all scenarios together
 *                      ({@code limits.in_flight}; {@link #UNCAPPED} for no cap)
 * @param ratePerSecond requests the whole run starts per second, all scenarios together ({@code limits.rate};
 *                      0 for no cap); bursts of up to {@code inFlight} requests are let through at once
 */
public record TransportLimits(long bodyLimit, int unanswered, Duration retryBudget, int retryAttempts, int inFlight,
                              int ratePerSecond) {
    public static final long DEFAULT_BODY_LIMIT = 4L * 1024 * 1024;
    /** {@code inFlight} without a cap. */
    public static final int UNCAPPED = Integer.MAX_VALUE;

    public TransportLimits {
        if (bodyLimit < 1024 || unanswered < 1 || retryAttempts < 1 || retryBudget.isNegative() || inFlight < 1
                || ratePerSecond < 0) {
            throw new IllegalArgumentException("limits.body must be at least 1KB, limits.unanswered,"
                    + " limits.in_flight and retry.attempts at least 1, retry.budget and limits.rate not negative");
        }
    }

    /** Limits without a cap on concurrent requests or on their rate (unit tests, one-off clients). */
    public TransportLimits(long bodyLimit, int unanswered, Duration retryBudget, int retryAttempts) {
        this(bodyLimit, unanswered, retryBudget, retryAttempts, UNCAPPED, 0);
    }

    /** The defaults of the settings table (docs/settings.md): 4 MB bodies, 3 unanswered requests, 60 s, 8 attempts. */
    public static TransportLimits defaults() {
        return new TransportLimits(DEFAULT_BODY_LIMIT, 3, Duration.ofSeconds(60), 8);
    }
}
