package org.sessionthreads.conformance.selftest.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * {@link HistoryCost} as printed lines, for {@code bench.EventReadingBenchmark} (which may not reach into the
 * reference server itself: it names variations as text).
 */
public final class HistoryCostFigures {
    private HistoryCostFigures() {
    }

    /** The rows of the benchmark: a plain session, a huge one, and the huge one on targets lacking the filters. */
    public static void print(int runs) {
        System.out.printf(Locale.ROOT, "%-34s %-8s %-5s %6s %6s %10s  %s%n", "target", "channel", "hint", "open",
                "find", "wall ms", "verdict / learnt");
        row("plain", Set.of(), runs);
        row("huge history", java.util.EnumSet.of(Variation.HUGE_HISTORY), runs);
        row("huge history, filters ignored",
                java.util.EnumSet.of(Variation.HUGE_HISTORY, Variation.LIST_FILTERS_IGNORED), runs);
        row("huge history, filters rejected",
                java.util.EnumSet.of(Variation.HUGE_HISTORY, Variation.LIST_FILTERS_REJECTED), runs);
    }

    private static void row(String name, Set<Variation> variations, int runs) {
        for (EventChannel channel : EventChannel.values()) {
            for (boolean hint : new boolean[] {false, true}) {
                System.out.println(line(name, variations, channel, hint, runs));
            }
        }
    }

    /** Runs the scenario {@code runs} times; the request counts of the last run and the median wall time. */
    static String line(String name, Set<Variation> variations, EventChannel channel, boolean hint, int runs) {
        List<Long> walls = new ArrayList<>();
        HistoryCost.Cost last = null;
        for (int i = 0; i < runs; i++) {
            last = HistoryCost.measure(variations, channel, hint);
            walls.add(last.wall().toMillis());
        }
        Collections.sort(walls);
        return String.format(Locale.ROOT, "%-34s %-8s %-5s %6d %6d %10d  %s / %s", name, channel.wireName(),
                hint ? "yes" : "no", last.openRequests(), last.findRequests(), walls.get(walls.size() / 2),
                last.verdict(), last.learnt());
    }
}
