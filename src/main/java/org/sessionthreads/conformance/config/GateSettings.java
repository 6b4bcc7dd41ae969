package org.sessionthreads.conformance.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of the gate beyond the verdicts, read from their effective values: {@code gate} ({@code all} or
 * {@code new}), {@code min_index} (0 to 1, or a percentage), {@code baseline} (a baseline file or a results folder)
 * and {@code baseline_latency_tolerance} (a percentage). A bad value stops the run before its first request.
 */
public final class GateSettings {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

    private GateSettings() {
    }

    /** Validates the four settings of a flat profile view (a {@link ProfileException} names the bad one). */
    static void check(Map<String, String> v) {
        newOnly(v.get("gate"));
        minIndex(v.get("min_index"));
        latencyTolerance(v.get("baseline_latency_tolerance"));
    }

    /** {@code baseline} as the effective settings show it: its path, or empty when none is set. */
    public static java.util.Optional<String> baseline(String value) {
        return java.util.Optional.ofNullable(value).map(String::strip)
                .filter(v -> !v.isEmpty() && !v.equals(EffectiveSettings.EMPTY));
    }

    /** {@code gate}: true for {@code new}, false for {@code all}. */
    public static boolean newOnly(String gate) {
        return switch (gate.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> false;
            case "new" -> true;
            default -> throw new ProfileException("gate must be 'all' or 'new' (only failures the baseline does not"
                    + " know gate), not '" + gate + "'");
        };
    }

    /** {@code min_index}: a fraction from 0 to 1 ({@code 0.9}) or a percentage ({@code 90%}). */
    public static double minIndex(String value) {
        String v = value.strip();
        try {
            double fraction = v.endsWith("%") ? percent("min_index", v) : Double.parseDouble(v);
            if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
                throw new NumberFormatException();
            }
            return fraction;
        } catch (NumberFormatException e) {
            throw new ProfileException("min_index must be between 0 and 1 (0.9) or a percentage (90%), not '"
                    + value + "'");
        }
    }

    /** {@code baseline_latency_tolerance}: a percentage ({@code 50%}), as a fraction (0.5). */
    public static double latencyTolerance(String value) {
        return percent("baseline_latency_tolerance", value.strip());
    }

    private static double percent(String key, String value) {
        Matcher m = PERCENT.matcher(value);
        if (!m.matches()) {
            throw new ProfileException(key + " must be a percentage such as 50%, not '" + value + "'");
        }
        return Double.parseDouble(m.group(1)) / 100;
    }
}
