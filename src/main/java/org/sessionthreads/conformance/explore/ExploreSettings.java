package org.sessionthreads.conformance.explore;

import java.time.Duration;

/**
 * How far exploration goes: {@code depth} steps per sequence, at most {@code budget} requests in all (sequences
 * left over are reported as not run, never as passed), {@code parallel} sequences at once, {@code clients} for the
 * concurrent histories, and the settle time a wait step lasts.
 */
public record ExploreSettings(int depth, int budget, int parallel, int clients, Duration settle) {
    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_BUDGET = 20_000;
    public static final int DEFAULT_CLIENTS = 4;

    public ExploreSettings {
        if (depth < 1 || budget < 1 || parallel < 1 || clients < 1) {
            throw new IllegalArgumentException("explore.depth, explore.budget and explore.clients must be positive");
        }
    }
}
