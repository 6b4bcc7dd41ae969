package org.sessionthreads.conformance.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.sessionthreads.conformance.config.Redactor;

/**
 * How answer bodies become text, for judging and for reports.
 *
 * <ul>
 *   <li><b>Judging</b>: {@link #decode} decodes strictly ({@link CodingErrorAction#REPORT}): JSON must be UTF-8
 *   (RFC 8259 §8.1), so a body with an invalid byte is not JSON, and the offset of the first bad byte is kept to
 *   name it. Nothing is silently replaced by U+FFFD and then passed.</li>
 *   <li><b>Reports</b>: {@link #forReport} redacts the whole body first (so a cut cannot leave half a secret) and
 *   then keeps at most {@value #REPORT_LIMIT} characters, so a giant body is never pasted into an attachment.</li>
 *   <li><b>Failure messages</b>: {@link #excerpt} quotes the first {@value #EXCERPT_CHARS} characters, escaped
 *   (control characters, quotes, U+FFFD), with the body's size.</li>
 * </ul>
 */
public final class BodyText {
    /** Characters of a body an exchange (and so an Allure attachment) keeps. */
    public static final int REPORT_LIMIT = 64 * 1024;
    /** Characters of a body a failure message quotes. */
    public static final int EXCERPT_CHARS = 200;

    private BodyText() {
    }

    /** A body decoded as UTF-8; {@code malformedAt} is the offset of the first byte that is not valid UTF-8. */
    public record Decoded(String text, OptionalLong malformedAt, int bytes) {
        /** {@code byte 0xC3 at offset 17 is not valid UTF-8}, or empty for a valid body. */
        String problem(byte[] raw) {
            return malformedAt.stream().mapToObj(at -> String.format("byte 0x%02X at offset %d is not valid UTF-8",
                    raw[(int) at] & 0xFF, at)).findFirst().orElse("");
        }
    }

    /** Decodes strictly; the text of a malformed body is the lenient decoding (for display only). */
    public static Decoded decode(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) bytes.length + 1));
        CoderResult result = strict.decode(in, out, true);
        if (!result.isError()) {
            result = strict.flush(out);
        }
        if (result.isError()) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), OptionalLong.of(in.position()),
                    bytes.length);
        }
        return new Decoded(out.flip().toString(), OptionalLong.empty(), bytes.length);
    }

    /** The body as an exchange records it: redacted, then cut to {@value #REPORT_LIMIT} characters. */
    public static String forReport(Redactor redactor, byte[] bytes) {
        String redacted = redactor.text(new String(bytes, StandardCharsets.UTF_8));
        if (redacted.length() <= REPORT_LIMIT) {
            return redacted;
        }
        return redacted.substring(0, REPORT_LIMIT) + "\n… [cut by the suite: the body has " + bytes.length
                + " bytes; the first " + REPORT_LIMIT + " characters are shown]";
    }

    /**
     * The start of {@code text} (an already redacted body), quoted and escaped, e.g. {@code "<html>\n<bo…" (first
     * 200 characters of 52428800 bytes)} or {@code "" (empty body)}.
     *
     * @param bytes the body's size in bytes, or a negative number when unknown
     */
    public static String excerpt(String text, long bytes) {
        String body = text == null ? "" : text;
        if (body.isEmpty()) {
            return "\"\" (empty body)";
        }
        boolean cut = body.length() > EXCERPT_CHARS;
        String shown = escape(cut ? body.substring(0, EXCERPT_CHARS) : body);
        String size = bytes < 0 ? "" : " of " + bytes + " bytes";
        return "\"" + shown + "\"" + (cut ? "… (first " + EXCERPT_CHARS + " characters" + size + ")"
                : bytes < 0 ? "" : " (" + bytes + " bytes)");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == 0xFFFD) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }
}
