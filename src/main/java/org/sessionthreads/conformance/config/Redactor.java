package org.sessionthreads.conformance.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes credentials from anything the suite writes: header values of credential-bearing headers, and every
 * occurrence of a known secret value in free text (URLs, bodies, messages). Every exchange passes through one of
 * these before it reaches a report.
 */
public final class Redactor {
    private static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");
    /** Variants shorter than this are not masked on their own (they would mask ordinary text). */
    static final int SHORTEST_MASKED = 8;
    private final List<Pattern> secrets;
    /**
     * Every form folded as the patterns compare characters ({@link #fold}), when all are ASCII: then a text holds
     * a form in any case exactly when its folded copy contains the folded form, so a text that holds none is
     * returned without running a pattern. Null when a form is not ASCII (every text runs the patterns).
     */
    private final List<String> foldedForms;

    /**
     * Masks each secret and everything the suite derives from it: every {@link NearMissToken} variant, the
     * secret in any case, the secret without its last or first character (a truncated token reveals most of it),
     * and the URL-encoded forms of all of these; longest first, so a longer form is never half-masked.
     */
    public Redactor(List<Secret> secrets) {
        Set<String> forms = new java.util.TreeSet<>(java.util.Comparator.comparingInt(String::length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (Secret secret : secrets) {
            String token = secret.reveal();
            if (token == null || token.isEmpty()) {
                continue;
            }
            forms.add(token);
            NearMissToken.all(token).forEach(forms::add);
            if (token.length() > SHORTEST_MASKED) {
                forms.add(token.substring(0, token.length() - 1));
                forms.add(token.substring(1));
            }
        }
        Set<String> encoded = new java.util.HashSet<>();
        forms.forEach(f -> encoded.add(java.net.URLEncoder.encode(f, java.nio.charset.StandardCharsets.UTF_8)));
        forms.addAll(encoded);
        this.secrets = forms.stream().filter(f -> !f.isEmpty()).map(f -> Pattern.compile(Pattern.quote(f),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
        this.foldedForms = forms.stream().allMatch(f -> f.chars().allMatch(c -> c < 0x80))
                ? forms.stream().filter(f -> !f.isEmpty()).map(Redactor::fold).toList() : null;
    }

    /**
     * Each character as a case-insensitive, Unicode-case pattern compares it: lower case of upper case. For an
     * ASCII form, a character of the text matches the form's character exactly when their folds are equal (the
     * fold of an ASCII character is ASCII, and non-ASCII characters such as U+017F or U+212A fold onto ASCII).
     */
    private static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            folded[i] = c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
                    : (char) Character.toLowerCase(Character.toUpperCase(c));
        }
        return new String(folded);
    }

    /** False only when {@code text} certainly holds none of the forms (the patterns then have nothing to do). */
    private boolean mayHoldSecret(String text) {
        if (foldedForms == null) {
            return true;
        }
        if (foldedForms.isEmpty()) {
            return false;
        }
        String folded = fold(text);
        return foldedForms.stream().anyMatch(folded::contains);
    }

    public static boolean isSensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The value to show for a header: masked for credential headers, secret-free otherwise. */
    public String header(String name, String value) {
        if (isSensitiveHeader(name)) {
            int space = value == null ? -1 : value.indexOf(' ');
            return space > 0 && name.equalsIgnoreCase("authorization")
                    ? value.substring(0, space) + " " + Secret.MASK : Secret.MASK;
        }
        return text(value);
    }

    /** The text with every known secret replaced by {@link Secret#MASK}. */
    public String text(String text) {
        if (text == null || !mayHoldSecret(text)) {
            return text;
        }
        String result = text;
        for (Pattern secret : secrets) {
            result = secret.matcher(result).replaceAll(java.util.regex.Matcher.quoteReplacement(Secret.MASK));
        }
        return result;
    }
}
