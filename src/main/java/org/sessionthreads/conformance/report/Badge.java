package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code badge.svg}: a small flat badge with the run's verdict and the suite version, for a vendor's README, e.g.
 * {@code [thread-archive conformance | pass · index 100% · score 100% · 0.1.0]}, the index and score of
 * {@link ConformanceIndex}. The verdict is {@code pass} when the gate passes,
 * {@code fail} when a requirement blocks with a FAIL, and {@code no verdict} otherwise (a run-level problem, a
 * harness error or UNTESTABLE in certify mode). Self-contained: no font or image is fetched.
 */
public final class Badge implements ReportFormat {
    public static final String FILE = "badge.svg";
    static final String LABEL = "thread-archive conformance";
    /** Approximate width of one character of 11 px Verdana, enough for a badge that never clips. */
    private static final int CHAR_WIDTH = 7;
    private static final int PADDING = 12;

    Badge() {
    }

    @Override
    public java.util.List<String> files() {
        return java.util.List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) {
        write(report.summary(), report.build(), dir);
    }

    /** pass, fail or no verdict; see the class comment. */
    static String verdict(RunSummary summary) {
        return switch (ExitStatus.of(summary).code()) {
            case ExitStatus.PASS -> "pass";
            case ExitStatus.FAILED -> "fail";
            default -> "no verdict";
        };
    }

    /** The verdict with the conformance index and score: {@code pass · index 100% · score 100%}. */
    static String message(RunSummary summary) {
        ConformanceIndex index = ConformanceIndex.of(summary);
        return verdict(summary) + " · index " + ConformanceIndex.percent(index.index()) + " · score "
                + ConformanceIndex.percent(index.score());
    }

    static String color(String message) {
        String verdict = message.contains(" · ") ? message.substring(0, message.indexOf(" · ")) : message;
        return switch (verdict) {
            case "pass" -> "#4c1";
            case "fail" -> "#e05d44";
            default -> "#9f9f9f";
        };
    }

    public static void write(RunSummary summary, BuildInfo build, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), svg(message(summary), build.version()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " to " + dir, e);
        }
    }

    static String svg(String verdict, String version) {
        String message = escape(verdict + " · " + version);
        int left = LABEL.length() * CHAR_WIDTH + PADDING;
        int right = (verdict.length() + 3 + version.length()) * CHAR_WIDTH + PADDING;
        int width = left + right;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\""
                + " aria-label=\"" + LABEL + ": " + message + "\">\n"
                + "  <title>" + LABEL + ": " + message + "</title>\n"
                + "  <rect width=\"" + left + "\" height=\"20\" fill=\"#555\"/>\n"
                + "  <rect x=\"" + left + "\" width=\"" + right + "\" height=\"20\" fill=\"" + color(verdict) + "\"/>\n"
                + "  <g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,DejaVu Sans,sans-serif\""
                + " font-size=\"11\">\n"
                + "    <text x=\"" + left / 2 + "\" y=\"14\">" + LABEL + "</text>\n"
                + "    <text x=\"" + (left + right / 2) + "\" y=\"14\">" + message + "</text>\n"
                + "  </g>\n</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
