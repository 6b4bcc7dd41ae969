package org.sessionthreads.conformance.explore.model;

/**
 * How an archive step authenticates: the profile's token or one of the wrong credentials the AUTH scenarios use
 * (a wrong token, none, another scheme, an empty bearer, the token as x-api-key, the token in the other case and
 * the near misses of {@code config.NearMissToken}), and a wrong token on a kept-alive connection that has just carried
 * the profile's token (AUTH-004: every request is authenticated on its own).
 */
public enum Credential {
    PROFILE("the profile's token"),
    WRONG_TOKEN("a wrong token"),
    NONE("no Authorization header"),
    BASIC("the Basic scheme"),
    EMPTY_BEARER("an empty bearer"),
    X_API_KEY("the token as x-api-key"),
    OTHER_CASE("the token in the other case"),
    NEAR_FIRST_CHARACTER("the token with its first character changed"),
    NEAR_LAST_CHARACTER("the token with its last character changed"),
    NEAR_TRUNCATED("the token truncated by one"),
    NEAR_EXTENDED("the token extended by one"),
    NEAR_SPACE_INSIDE("the token with a space inside"),
    NEAR_TAB_INSIDE("the token with a tab inside"),
    WRONG_TOKEN_KEPT_ALIVE("a wrong token on a connection that just carried the profile's token");

    private final String words;

    Credential(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public boolean valid() {
        return this == PROFILE;
    }
}
