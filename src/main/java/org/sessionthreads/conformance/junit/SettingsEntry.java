package org.sessionthreads.conformance.junit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.sessionthreads.conformance.config.EffectiveSettings;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * The effective settings as the value of one report entry, from {@link ConformanceExtension} (inside the run) to
 * {@link RequirementLedger} (which writes the summary): one line per setting, key, value and source separated by a
 * tab. Tabs and line breaks inside a value become spaces.
 */
final class SettingsEntry {
    static final String KEY = "conformance.settings";

    private SettingsEntry() {
    }

    static String encode(EffectiveSettings settings) {
        return settings.entries().stream()
                .map(e -> flat(e.key()) + "\t" + flat(e.value()) + "\t" + flat(e.source()))
                .collect(Collectors.joining("\n"));
    }

    static List<RunSummary.Setting> decode(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(line -> line.split("\t", 3)).filter(parts -> parts.length == 3)
                .map(parts -> new RunSummary.Setting(parts[0], parts[1], parts[2])).toList();
    }

    /** Key/value pairs as {@code key<TAB>value} lines (the run's environment). */
    static String encodePairs(java.util.Map<String, String> pairs) {
        return pairs.entrySet().stream().map(e -> flat(e.getKey()) + "\t" + flat(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** The pairs of {@link #encodePairs}, in order; empty for {@code null}. */
    static java.util.Map<String, String> decodePairs(String text) {
        java.util.Map<String, String> pairs = new java.util.LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split("\n")).map(line -> line.split("\t", 2)).filter(parts -> parts.length == 2)
                    .forEach(parts -> pairs.put(parts[0], parts[1]));
        }
        return pairs;
    }

    private static String flat(String text) {
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
