package org.sessionthreads.conformance.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token comes from: the environment variable {@code CONFORMANCE_TOKEN}, else the variable
 * {@code token_env} names, else the file {@code token_file} names (its contents without surrounding whitespace).
 * A {@code token_file} that is set is always checked, so a broken one is reported even when a variable wins.
 * Messages name the variable or the path, never the value.
 */
final class Tokens {
    static final String VARIABLE = "CONFORMANCE_TOKEN";

    private Tokens() {
    }

    /**
     * @param secret      the token, if one was supplied
     * @param description where it came from, for the effective settings, e.g.
     *                    {@code environment variable CONFORMANCE_TOKEN}; never the value
     */
    record Found(Optional<Secret> secret, String description) {
    }

    static Found find(String tokenEnv, String tokenFile, Map<String, String> environment) {
        Optional<Secret> fromFile = file(tokenFile.strip());
        String named = tokenEnv == null ? "" : tokenEnv.strip();
        for (String variable : named.isEmpty() ? new String[] {VARIABLE} : new String[] {VARIABLE, named}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return new Found(Optional.of(Secret.of(value)), "environment variable " + variable
                        + (fromFile.isPresent() ? " (token_file not used)" : ""));
            }
        }
        return fromFile.map(secret -> new Found(Optional.of(secret), "token_file " + tokenFile.strip()))
                .orElseGet(() -> new Found(Optional.empty(), "none given"));
    }

    private static Optional<Secret> file(String path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new ProfileException("token_file " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ProfileException("token_file " + file.toAbsolutePath() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (text.isEmpty()) {
            throw new ProfileException("token_file " + file.toAbsolutePath() + " is empty");
        }
        if (text.lines().count() > 1) { // why: a second line would end up in the Authorization header
            throw new ProfileException("token_file " + file.toAbsolutePath() + " holds more than one line; it must"
                    + " hold the token only");
        }
        return Optional.of(Secret.of(text));
    }
}
