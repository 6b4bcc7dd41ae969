package org.sessionthreads.conformance.client;

import org.sessionthreads.conformance.config.NearMissToken;

/**
 * How one request authenticates. Scenarios use {@link #profileToken()} except when authentication itself is the
 * subject; the other forms build the wrong credentials that the 401 requirements need. None of them ever holds
 * the profile's real token in clear.
 */
public sealed interface Credentials {
    /** {@code Authorization: Bearer <the profile's token>}. */
    static Credentials profileToken() {
        return ProfileToken.INSTANCE;
    }

    /** {@code Authorization: <value>} exactly as given (a wrong token, another scheme, an empty bearer...). */
    static Credentials authorization(String value) {
        return new Header("Authorization", value);
    }

    /** One arbitrary header instead of Authorization, e.g. {@code x-api-key: <the profile's token>}. */
    static Credentials header(String name, String value) {
        return new Header(name, value);
    }

    /** The profile's real token sent in a header other than Authorization (e.g. x-api-key). */
    static Credentials profileTokenIn(String headerName) {
        return new TokenInHeader(headerName);
    }

    /**
     * {@code Authorization: Bearer <the profile's token with the case of every letter swapped>}: tokens are
     * case-sensitive secrets, so a target must refuse it.
     */
    static Credentials profileTokenInOtherCase() {
        return OtherCaseToken.INSTANCE;
    }

    /**
     * {@code Authorization: Bearer <a near miss of the profile's token>}, derived when the request is sent (see
     * {@link NearMissToken} for the variants and why surrounding whitespace is not one).
     */
    static Credentials nearMiss(NearMissToken variant) {
        return new NearMiss(variant);
    }

    /** No credentials at all. */
    static Credentials none() {
        return None.INSTANCE;
    }

    enum ProfileToken implements Credentials { INSTANCE }

    enum None implements Credentials { INSTANCE }

    enum OtherCaseToken implements Credentials { INSTANCE }

    record Header(String name, String value) implements Credentials { }

    record TokenInHeader(String name) implements Credentials { }

    record NearMiss(NearMissToken variant) implements Credentials { }
}
