package org.sessionthreads.conformance.config;

import java.util.List;

/**
 * Every setting of a run with its final value and where that value came from, in the order of
 * {@link Settings#DEFAULTS} (the profile name first, the token last). Safe to print and to write into reports:
 * the token's entry shows only where it came from, never its value.
 */
public record EffectiveSettings(List<Entry> entries) {
    private static final int SHOWN = 40;
    /** How an empty value is shown among the effective settings (and so in summary.json's settings). */
    public static final String EMPTY = "(empty)";

    public EffectiveSettings {
        entries = List.copyOf(entries);
    }

    /**
     * One setting.
     *
     * @param key    the setting's key as in a profile file ({@code timeouts.event}), or {@code profile}/{@code token}
     * @param value  its final value as text; for the token a description such as {@code (masked)}
     * @param source where the value came from, e.g. {@code default}, {@code profile reference},
     *               {@code profile reference via reference-api → reference}, {@code environment variable
     *               CONFORMANCE_TIMEOUTS_EVENT}, {@code system property conformance.timeouts.event},
     *               {@code JUnit configuration parameter conformance.timeouts.event}
     */
    public record Entry(String key, String value, String source) {
    }

    /** These settings with {@code key} set to {@code value} from {@code source} (e.g. a capability discovery adopted). */
    public EffectiveSettings with(String key, String value, String source) {
        List<Entry> changed = entries.stream()
                .map(e -> e.key().equals(key) ? new Entry(key, value, source) : e).toList();
        return new EffectiveSettings(changed);
    }

    /** Where the value of {@code key} came from, if the run has that setting. */
    public java.util.Optional<String> sourceOf(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::source).findFirst();
    }

    /** The final value of {@code key}, if the run has that setting. */
    public java.util.Optional<String> valueOf(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
    }

    /** Settings that do not come from the defaults: the compact view of what this run changed. */
    public List<Entry> chosen() {
        return entries.stream().filter(e -> !e.source().equals(SettingSources.DEFAULT)).toList();
    }

    /**
     * The run-start block: a heading with the counts, the profile, one line per source naming the settings it
     * gave ({@code key=value, …}; defaults are left out), and where the token came from.
     */
    public List<String> lines() {
        List<Entry> chosen = chosen();
        List<String> lines = new java.util.ArrayList<>();
        lines.add("effective settings (" + chosen.size() + " chosen, " + (entries.size() - chosen.size())
                + " defaults; every one with its source in summary.json and summary.md):");
        java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (Entry e : chosen) {
            if (e.key().equals("profile") || e.key().equals("token")) {
                lines.add("  " + e.key() + ": " + e.value() + "  [" + e.source() + "]");
            } else {
                bySource.computeIfAbsent(e.source(), k -> new java.util.ArrayList<>()).add(e.key() + "=" + shortened(e.value()));
            }
        }
        bySource.forEach((source, settings) -> lines.add("  " + source + ": " + String.join(", ", settings)));
        return lines;
    }

    /** Long values (prompts, descriptions) are cut in the console block; the summary has them whole. */
    private static String shortened(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN - 1) + "…";
    }
}
