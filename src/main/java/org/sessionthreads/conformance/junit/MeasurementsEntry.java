package org.sessionthreads.conformance.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.events.TerminationVerdict;

/**
 * What one scenario measured, as the values of two report entries from {@link ScenarioRecording} (inside the run)
 * to {@link RequirementLedger} (which merges them into the summary): its terminated-event samples, one per line as
 * {@code channel<TAB>verdict<TAB>nanos} ({@code -} without latency), and its race interleavings, one per line as
 * {@code race<TAB>outcome<TAB>count}. Tabs and line breaks inside a name become spaces.
 */
final class MeasurementsEntry {
    static final String EVENT_TIMINGS = "conformance.event_timings";
    static final String INTERLEAVINGS = "conformance.interleavings";

    private MeasurementsEntry() {
    }

    static String encodeTimings(List<EventTimings.Sample> samples) {
        return samples.stream().map(s -> s.channel().name() + "\t" + s.verdict().name() + "\t"
                + (s.latency() == null ? "-" : String.valueOf(s.latency().toNanos()))).collect(Collectors.joining("\n"));
    }

    /** The samples of {@code text}; lines that do not parse (never written by {@link #encodeTimings}) are skipped. */
    static List<EventTimings.Sample> decodeTimings(String text) {
        List<EventTimings.Sample> samples = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return samples;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3) {
                continue;
            }
            try {
                samples.add(new EventTimings.Sample(EventChannel.valueOf(parts[0]),
                        TerminationVerdict.valueOf(parts[1]),
                        parts[2].equals("-") ? null : Duration.ofNanos(Long.parseLong(parts[2]))));
            } catch (IllegalArgumentException malformed) {
                // why: a line this class did not write must not cost the summary; it is left out
            }
        }
        return samples;
    }

    static String encodeInterleavings(Map<String, Map<String, Integer>> races) {
        List<String> lines = new ArrayList<>();
        races.forEach((race, outcomes) -> outcomes.forEach((outcome, count) ->
                lines.add(flat(race) + "\t" + flat(outcome) + "\t" + count)));
        return String.join("\n", lines);
    }

    /** Race → outcome → count, in the order written. */
    static Map<String, Map<String, Integer>> decodeInterleavings(String text) {
        Map<String, Map<String, Integer>> races = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return races;
        }
        Arrays.stream(text.split("\n")).map(line -> line.split("\t", 3)).filter(parts -> parts.length == 3)
                .filter(parts -> parts[2].matches("[0-9]{1,9}"))
                .forEach(parts -> races.computeIfAbsent(parts[0], r -> new LinkedHashMap<>())
                        .merge(parts[1], Integer.parseInt(parts[2]), Integer::sum));
        return races;
    }

    private static String flat(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
