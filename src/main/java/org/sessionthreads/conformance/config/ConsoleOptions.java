package org.sessionthreads.conformance.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * How much the console shows and whether it is coloured: the settings {@code console.verbose} and
 * {@code console.color}, the latter only where {@link ConsoleKind#colourOnThisProcess()} allows colour.
 *
 * @param verbose every discovery finding, effective setting, audit and fixture line on the console, not only in
 *                the summary
 * @param colour  ANSI colour on
 */
public record ConsoleOptions(boolean verbose, boolean colour) {
    /** Plain and short: what a file or a test sees. */
    public static final ConsoleOptions PLAIN = new ConsoleOptions(false, false);

    /** The options of a run with these settings, in this JVM. */
    public static ConsoleOptions of(EffectiveSettings settings) {
        return of(settings::valueOf);
    }

    /** The options of a run whose settings' values {@code valueOf} gives (a setting it lacks has its default). */
    public static ConsoleOptions of(Function<String, Optional<String>> valueOf) {
        return new ConsoleOptions(flag(valueOf, "console.verbose", false),
                flag(valueOf, "console.color", true) && ConsoleKind.colourOnThisProcess());
    }

    private static boolean flag(Function<String, Optional<String>> valueOf, String key, boolean fallback) {
        return valueOf.apply(key).map(v -> Boolean.parseBoolean(v.strip())).orElse(fallback);
    }
}
