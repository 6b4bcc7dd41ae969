package org.sessionthreads.conformance.config;

import java.net.URI;
import java.util.Optional;

/**
 * A target ready to be called: where its API is, where its fixture hook is (if any), and the token to send.
 * Closing it stops what the suite started (the embedded server); for a remote target it does nothing.
 */
public final class Target implements AutoCloseable {
    private final URI apiBase;
    private final Optional<URI> fixturesUrl;
    private final Secret token;
    private final String description;
    private final AutoCloseable onClose;

    Target(URI apiBase, Optional<URI> fixturesUrl, Secret token, String description, AutoCloseable onClose) {
        this.apiBase = apiBase;
        this.fixturesUrl = fixturesUrl;
        this.token = token;
        this.description = description;
        this.onClose = onClose;
    }

    /**
     * Starts the embedded target the profile names, or points at the remote one.
     *
     * @throws ProfileException when a remote target has no token, or the embedded target is unknown
     */
    public static Target open(TargetProfile profile) {
        if (profile.target().isPresent()) {
            Secret token = profile.token().orElseThrow(() -> new ProfileException(
                    "no token for " + profile.target().get() + ": set the environment variable CONFORMANCE_TOKEN"
                            + " (or the one token_env names), or name a file with -Dconformance.token_file=<path>"));
            return new Target(profile.target().get(), profile.fixtures(), token,
                    "remote target " + profile.target().get(), () -> { });
        }
        return EmbeddedTargets.start(profile);
    }

    /** Base URL of the API: everything before {@code /sessions}. */
    public URI apiBase() {
        return apiBase;
    }

    public Optional<URI> fixturesUrl() {
        return fixturesUrl;
    }

    public Secret token() {
        return token;
    }

    /** One line for people, without the token. */
    public String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        onClose.close();
    }
}
