package org.sessionthreads.conformance.config;

/**
 * Whether the runner talks to a person at a terminal or writes into a CI log: a terminal gets a progress line that
 * redraws itself, a log gets whole lines only. A CI log is assumed when the variable {@code CI} is set to anything
 * but {@code false} (GitHub Actions, GitLab CI and most others set it) or when the JVM has no console.
 */
public enum ConsoleKind {
    TERMINAL, LOG;

    /** The kind of this JVM's output (read here because only config reads the environment). */
    public static ConsoleKind ofThisProcess() {
        String ci = System.getenv("CI");
        boolean inCi = ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci.strip());
        return !inCi && System.console() != null ? TERMINAL : LOG;
    }

    /**
     * Whether this JVM may write ANSI colour: only to a terminal ({@link #TERMINAL}), never when the variable
     * {@code NO_COLOR} is set to anything (no-color.org) or {@code TERM} is {@code dumb}.
     */
    public static boolean colourOnThisProcess() {
        String noColour = System.getenv("NO_COLOR");
        return ofThisProcess() == TERMINAL && (noColour == null || noColour.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }
}
