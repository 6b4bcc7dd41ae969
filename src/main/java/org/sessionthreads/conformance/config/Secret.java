package org.sessionthreads.conformance.config;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A credential. It comes from an environment variable or a token file only, and its {@link #toString()} never shows
 * it, so a secret that slips into a log line, an exception message or a report prints as {@code [REDACTED]}.
 */
public final class Secret {
    public static final String MASK = "[REDACTED]";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value.strip());
    }

    /** A fresh random token, used for the embedded target when the user supplies none. */
    public static Secret random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new Secret("ct-" + HexFormat.of().formatHex(bytes));
    }

    /** The clear value: only for building the Authorization header and for redaction. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
