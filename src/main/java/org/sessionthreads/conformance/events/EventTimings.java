package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The run's record of terminated-event timing: every verdict of {@link EventCursor#awaitTermination} and
 * {@link Termination#assertOnce}, and the latency (archive answer → event received) of every event that arrived,
 * per channel. Thread-safe; one per run, shared by every cursor. Reports read {@link #snapshot()}.
 */
public final class EventTimings {
    private final Map<EventChannel, List<Duration>> latencies = new EnumMap<>(EventChannel.class);
    private final Map<EventChannel, Map<TerminationVerdict, Integer>> verdicts = new EnumMap<>(EventChannel.class);

    /**
     * Latency figures and verdict counts.
     *
     * @param samples  how many latencies were measured (ON_TIME and LATE events)
     * @param p50      median latency, {@link Duration#ZERO} without samples (nearest rank)
     * @param p95      95th percentile (nearest rank)
     * @param max      the largest latency
     * @param verdicts how often each verdict was given
     */
    public record Snapshot(int samples, Duration p50, Duration p95, Duration max,
                           Map<TerminationVerdict, Integer> verdicts) {
        /** {@code p50 9 ms, p95 21 ms, max 38 ms (n=24); ON_TIME 24} */
        public String describe() {
            StringBuilder text = new StringBuilder("p50 " + DurationText.of(p50) + ", p95 " + DurationText.of(p95)
                    + ", max " + DurationText.of(max) + " (n=" + samples + ")");
            verdicts.forEach((verdict, count) -> text.append("; ").append(verdict).append(' ').append(count));
            return text.toString();
        }
    }

    public synchronized void record(EventChannel channel, TerminationVerdict verdict, Duration latency) {
        verdicts.computeIfAbsent(channel, c -> new EnumMap<>(TerminationVerdict.class)).merge(verdict, 1, Integer::sum);
        if (latency != null) {
            latencies.computeIfAbsent(channel, c -> new ArrayList<>()).add(latency);
        }
    }

    /** Every channel together. */
    public synchronized Snapshot snapshot() {
        List<Duration> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        Map<TerminationVerdict, Integer> counts = new EnumMap<>(TerminationVerdict.class);
        verdicts.values().forEach(perChannel -> perChannel.forEach((v, n) -> counts.merge(v, n, Integer::sum)));
        return snapshotOf(all, counts);
    }

    /** One channel. */
    public synchronized Snapshot snapshot(EventChannel channel) {
        return snapshotOf(latencies.getOrDefault(channel, List.of()),
                verdicts.getOrDefault(channel, Map.of()));
    }

    private static Snapshot snapshotOf(List<Duration> samples, Map<TerminationVerdict, Integer> counts) {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        Map<TerminationVerdict, Integer> verdictCounts = new EnumMap<>(TerminationVerdict.class);
        verdictCounts.putAll(counts);
        Duration max = sorted.isEmpty() ? Duration.ZERO : sorted.get(sorted.size() - 1);
        return new Snapshot(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.95), max,
                Collections.unmodifiableMap(verdictCounts));
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
