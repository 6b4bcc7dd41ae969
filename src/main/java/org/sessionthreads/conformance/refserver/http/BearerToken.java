package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conformant credentials: only {@code Authorization: Bearer <token>} with the configured token. The scheme is
 * case-insensitive; the token is compared through SHA-256 digests with {@link MessageDigest#isEqual}, in constant
 * time. Anything else (no header, another scheme, a wrong token, {@code x-api-key}) is not accepted.
 */
public final class BearerToken implements Credentials {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer ([^\\s]+)");

    private final byte[] expectedDigest;

    public BearerToken(String token) {
        this.expectedDigest = digest(token);
    }

    @Override
    public boolean accepted(Context ctx) {
        return bearer(ctx.header("Authorization")).filter(this::isToken).isPresent();
    }

    /** The token of an {@code Authorization} header value of the bearer scheme; empty for anything else. */
    public static Optional<String> bearer(String header) {
        Matcher matcher = BEARER.matcher(header == null ? "" : header.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether {@code candidate} is the configured token. */
    public boolean isToken(String candidate) {
        return MessageDigest.isEqual(expectedDigest, digest(candidate));
    }

    /** The SHA-256 digest of {@code text} in UTF-8. */
    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
