package org.sessionthreads.conformance.report.html;

import java.time.Duration;

/**
 * Text made safe for an HTML page. Everything {@code summary.html} shows that it did not write itself goes through
 * {@link #text}: the target's answers are hostile input, so {@code <script>} in a body appears as text. Control
 * characters and the Unicode bidirectional controls (which could make a line read differently from what it holds)
 * are shown as a backslash, {@code u} and four hex digits; line feeds and tabs stay.
 */
final class Html {
    private Html() {
    }

    /** {@code raw} escaped for element content and for quoted attribute values. */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                default -> {
                    if (shownAsCode(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code raw} cut to {@code limit} characters (saying how many were left out), then escaped. */
    static String text(String raw, int limit) {
        String all = raw == null ? "" : raw;
        return all.length() <= limit ? text(all)
                : text(all.substring(0, limit)) + "\n… [" + (all.length() - limit) + " more characters not shown]";
    }

    /** One table row of escaped cells; {@code tag} is {@code th} or {@code td}; a number is right-aligned. */
    static String row(String tag, Object... cells) {
        StringBuilder row = new StringBuilder("<tr>");
        for (Object cell : cells) {
            row.append('<').append(tag).append(cell instanceof Number ? " class=\"num\">" : ">")
                    .append(text(String.valueOf(cell))).append("</").append(tag).append('>');
        }
        return row.append("</tr>\n").toString();
    }

    /** A fragment identifier made of letters, digits and dashes only (requirement ids are already such). */
    static String anchor(String raw) {
        return raw.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** Milliseconds with microsecond resolution, as summary.json writes them. */
    static String millis(Duration d) {
        return String.valueOf(Math.round(d.toNanos() / 1_000.0) / 1_000.0);
    }

    private static boolean shownAsCode(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
