package org.sessionthreads.conformance.report;

/**
 * ANSI colour for the console, or none: every method returns its text unchanged when colour is off, so a file, a
 * pipe or a CI log never holds an escape. Whether it is on is decided once per run
 * ({@link org.sessionthreads.conformance.config.ConsoleOptions#colour()}).
 */
public final class Ansi {
    public static final Ansi OFF = new Ansi(false);
    public static final Ansi ON = new Ansi(true);
    private static final String RESET = "\033[0m";
    private static final String RED = "\033[1;31m";
    private static final String YELLOW = "\033[33m";
    private static final String GREEN = "\033[32m";
    private static final String BOLD = "\033[1m";
    private static final String DIM = "\033[2m";
    private final boolean on;

    private Ansi(boolean on) {
        this.on = on;
    }

    public static Ansi of(boolean on) {
        return on ? ON : OFF;
    }

    /**
     * {@code text} in the colour of the verdict word that judges it: FAIL and ERROR red and bold, WARN and
     * UNTESTABLE yellow, PASS (and the progress line's {@code ok}) green, anything else plain.
     */
    public String verdict(String word, String text) {
        return switch (word) {
            case "FAIL", "ERROR" -> paint(RED, text);
            case "WARN", "UNTESTABLE" -> paint(YELLOW, text);
            case "PASS", "ok" -> paint(GREEN, text);
            default -> text;
        };
    }

    public String bold(String text) {
        return paint(BOLD, text);
    }

    public String dim(String text) {
        return paint(DIM, text);
    }

    private String paint(String style, String text) {
        return on && !text.isEmpty() ? style + text + RESET : text;
    }
}
