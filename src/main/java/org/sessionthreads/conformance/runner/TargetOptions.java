package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.ProfileLoader;

/**
 * The options that say which target and profile a command works on. They are not a second configuration path:
 * each becomes the JUnit configuration parameter {@code conformance.<key>}, the strongest source of
 * {@link ProfileLoader} (docs/settings), so a flag beats a {@code -D} property, which beats {@code CONFORMANCE_*}
 * variables, which beat the profile file.
 */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "URL", description = "API base URL of the target, e.g."
            + " https://staging.example.com/v1 (default: the profile's; none = the embedded reference server)")
    String target;

    @Option(names = "--fixtures", paramLabel = "URL", description = "URL of the target's fixture hook, if it has one")
    String fixtures;

    @Option(names = {"--profile", "-p"}, paramLabel = "NAME|PATH",
            description = "profile: a shipped name (reference, neutral, …), ./profiles/<name>.yaml, or a file path")
    String profile;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "environment variable holding the token (default CONFORMANCE_TOKEN)")
    String tokenEnv;

    @Option(names = "--token-file", paramLabel = "PATH", description = "file holding the token")
    Path tokenFile;

    @Option(names = {"--set", "-s"}, paramLabel = "KEY=VALUE",
            description = "any other setting of docs/settings (without 'conformance.'), e.g. --set certify=true")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Present only to refuse it with a clear line: a token in a flag ends up in shell history and process lists. */
    @Option(names = "--token", hidden = true, arity = "0..1")
    String token;

    /**
     * The {@code conformance.*} parameters these options stand for.
     *
     * @throws ProfileException when a token is offered as a value or a key is unknown (a usage error)
     */
    Map<String, String> parameters() {
        if (token != null || settings.containsKey("token")) {
            throw new ProfileException("--token is refused: a token in a command line ends up in shell history,"
                    + " process lists and CI logs; put it in the environment variable CONFORMANCE_TOKEN (or the one"
                    + " --token-env names) or in a file named by --token-file");
        }
        Map<String, String> p = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.equals("reports_dir")) {
                throw new ProfileException("reports_dir is chosen with --reports");
            }
            if (!key.equals("profile") && !ProfileLoader.settingKeys().contains(key)) {
                throw new ProfileException("--set " + key + ": unknown setting; known: " + ProfileLoader.settingKeys());
            }
            p.put("conformance." + key, value);
        });
        put(p, "target", target);
        put(p, "fixtures", fixtures);
        put(p, "profile", profile);
        put(p, "token_env", tokenEnv);
        put(p, "token_file", Optional.ofNullable(tokenFile).map(Path::toString).orElse(null));
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put("conformance." + key, value);
        }
    }

    /** The loader the suite itself would use with these parameters (environment and properties included). */
    static ProfileLoader loader(Map<String, String> parameters) {
        return ProfileLoader.fromSystemAnd(key -> Optional.ofNullable(parameters.get(key)));
    }
}
