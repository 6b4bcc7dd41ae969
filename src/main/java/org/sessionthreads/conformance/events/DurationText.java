package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.Locale;

/** Durations as failure messages show them: {@code 250 ms}, {@code 10 s}, {@code 2.35 s}. */
final class DurationText {
    private DurationText() {
    }

    static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1_000.0);
    }

    static String ofNanos(long nanos) {
        return of(Duration.ofNanos(nanos));
    }
}
