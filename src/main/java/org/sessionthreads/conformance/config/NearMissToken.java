package org.sessionthreads.conformance.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Wrong tokens that are close to the real one, which a target must refuse like any other wrong token: one
 * character changed (first or last), truncated by one, extended by one, whitespace inside. Swapped case is
 * {@code Credentials.profileTokenInOtherCase()}.
 *
 * <p>Not a near miss (the suite's reading): whitespace <em>around</em> the header value ({@code Bearer  tok },
 * with two spaces or a trailing space). RFC 9110 §5.5 has parsers strip a field value's leading and trailing
 * whitespace, and the {@code credentials} grammar (RFC 9110 §11.4) allows one or more spaces after the scheme, so
 * a server that accepts it is conformant. Whitespace between token characters is no part of any token68.
 *
 * <p>The variants are derived from the token at the moment a request is sent and never stored; the
 * {@link Redactor} masks every one of them wherever it appears.
 */
public enum NearMissToken {
    FIRST_CHARACTER_CHANGED,
    LAST_CHARACTER_CHANGED,
    TRUNCATED_BY_ONE,
    EXTENDED_BY_ONE,
    SPACE_INSIDE,
    TAB_INSIDE;

    /** This variant of {@code token} (at least two characters); never equal to it. */
    public String of(String token) {
        Objects.requireNonNull(token);
        if (token.length() < 2) {
            throw new IllegalArgumentException("a near miss needs a token of at least two characters");
        }
        int middle = token.length() / 2;
        return switch (this) {
            case FIRST_CHARACTER_CHANGED -> other(token.charAt(0)) + token.substring(1);
            case LAST_CHARACTER_CHANGED -> token.substring(0, token.length() - 1) + other(token.charAt(
                    token.length() - 1));
            case TRUNCATED_BY_ONE -> token.substring(0, token.length() - 1);
            case EXTENDED_BY_ONE -> token + other(token.charAt(token.length() - 1));
            case SPACE_INSIDE -> token.substring(0, middle) + " " + token.substring(middle);
            case TAB_INSIDE -> token.substring(0, middle) + "\t" + token.substring(middle);
        };
    }

    /** Every variant of {@code token}, for the redactor. */
    public static List<String> all(String token) {
        return token.length() < 2 ? List.of() : Arrays.stream(values()).map(v -> v.of(token)).toList();
    }

    /** Another character of the same kind (digit, lower, upper), so the variant stays a plausible token. */
    private static char other(char c) {
        if (c >= '0' && c <= '9') {
            return (char) ('0' + (c - '0' + 1) % 10);
        }
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 1) % 26);
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) ('A' + (c - 'A' + 1) % 26);
        }
        return c == 'x' ? 'y' : 'x';
    }
}
