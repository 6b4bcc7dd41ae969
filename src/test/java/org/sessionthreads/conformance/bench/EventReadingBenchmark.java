package org.sessionthreads.conformance.bench;

import org.sessionthreads.conformance.selftest.history.HistoryCostFigures;

/**
 * Prints what opening an event cursor and finding the terminated event cost (requests the cursor sent, wall time
 * from opening the cursor to the verdict) against the embedded reference server: a plain session, one with
 * 100,000 earlier and as many interleaved events ({@code HUGE_HISTORY}), and the same huge session on a target
 * that ignores or rejects {@code order}/{@code types} (the fallback), per channel, with and without the fixture
 * hook's {@code last_event_id}. The command and figures are in docs/event-reading.md. The argument is the number
 * of runs per row (default 3; the median wall time is printed).
 */
public final class EventReadingBenchmark {
    private EventReadingBenchmark() {
    }

    public static void main(String[] args) {
        HistoryCostFigures.print(args.length > 0 ? Integer.parseInt(args[0]) : 3);
    }
}
