package org.sessionthreads.conformance.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event latency against the baseline's: a channel whose p95 grew by more than the tolerance is a warning, never a
 * gate. Growth below {@link #NOISE_MS} is not told: near zero (the reference server's pushed events measure
 * 0.0 ms over SSE) any relative tolerance would warn on noise.
 */
final class LatencyCheck {
    /** The least growth of a p95, in milliseconds, that can be a warning. */
    static final double NOISE_MS = 1.0;

    private LatencyCheck() {
    }

    /**
     * @param baseline  per channel, the baseline's p95 in milliseconds
     * @param tolerance 0.5 = a p95 up to 50 % above the baseline's is fine
     * @param whose     how the baseline is named in the warning ({@code the baseline's}, {@code A's})
     */
    static List<String> warnings(Map<String, Double> baseline, Map<String, RunSnapshot.Percentiles> now,
                                 double tolerance, String whose) {
        List<String> warnings = new ArrayList<>();
        now.forEach((channel, percentiles) -> {
            Double before = baseline.get(channel);
            if (before != null && percentiles.samples() > 0 && percentiles.p95() > before * (1 + tolerance)
                    && percentiles.p95() - before >= NOISE_MS) {
                warnings.add("event latency via " + channel + ": p95 " + percentiles.p95() + " ms, "
                        + Math.round((percentiles.p95() / Math.max(before, 0.001) - 1) * 100) + "% above "
                        + whose + " " + before + " ms (tolerance " + Math.round(tolerance * 100) + "%)");
            }
        });
        return warnings;
    }
}
