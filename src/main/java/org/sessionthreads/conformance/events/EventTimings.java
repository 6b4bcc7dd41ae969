package org.sessionthreads.conformance.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.config.EventChannel;

/**
 * A record of terminated-event timing: every verdict of {@link EventCursor#awaitTermination} and
 * {@link Termination#assertOnce}, and the latency (archive answer → event received) of every event that arrived,
 * per channel. Thread-safe. Each scenario's events facade has its own ({@link SessionEvents#forScenario}), so what
 * is measured stays attributed to the scenario that measured it, also when scenarios run concurrently; the run's
 * summary merges the scenarios' {@link #samples()} into one with {@link #of} and reports {@link #snapshot}.
 */
public final class EventTimings {
    private final Map<EventChannel, List<Duration>> latencies = new EnumMap<>(EventChannel.class);
    private final Map<EventChannel, Map<TerminationVerdict, Integer>> verdicts = new EnumMap<>(EventChannel.class);
    private final List<Sample> samples = new ArrayList<>();

    /**
     * One recorded verdict.
     *
     * @param latency archive answer → event received; {@code null} for verdicts without an event (MISSING,
     *                OUT_OF_ORDER, DUPLICATE)
     */
    public record Sample(EventChannel channel, TerminationVerdict verdict, Duration latency) {
    }

    /** A record holding {@code samples} (e.g. every scenario's, merged for the run). */
    public static EventTimings of(java.util.Collection<Sample> samples) {
        EventTimings timings = new EventTimings();
        samples.forEach(s -> timings.record(s.channel(), s.verdict(), s.latency()));
        return timings;
    }

    /** Every verdict recorded so far, in order. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The channels with at least one recorded verdict, in {@link EventChannel} order. */
    public synchronized List<EventChannel> channels() {
        return List.copyOf(verdicts.keySet());
    }

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
        samples.add(new Sample(channel, verdict, latency));
        verdicts.computeIfAbsent(channel, c -> new EnumMap<>(TerminationVerdict.class)).merge(verdict, 1, Integer::sum);
        if (latency != null) {
            latencies.computeIfAbsent(channel, c -> new ArrayList<>()).add(latency);
        }
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
