package org.sessionthreads.conformance.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the suite needs to know about one target, built once per run by {@link ProfileLoader} and never
 * changed afterwards.
 *
 * @param name            profile name (file name without .yaml)
 * @param description     one line for people
 * @param target          API base URL (everything before "/sessions"); empty means "start {@code embedded}"
 * @param embedded        name of the embedded target to start when {@code target} is empty
 * @param embeddedOptions options handed to the embedded target (for the reference server: faults, rearchive, ...)
 * @param fixtures        URL of the target's fixture hook, if it has one
 * @param fixtureStrategies fixture strategies in the order they are tried
 * @param token           the bearer token, if one was supplied through the environment or a property
 * @param timeouts        limits of every wait
 * @param readings        the chosen reading where the docs disagree
 * @param strictShould    true: a SHOULD requirement that is not met fails the run; false: it is reported as a warning
 */
public record TargetProfile(
        String name,
        String description,
        Optional<URI> target,
        String embedded,
        Map<String, String> embeddedOptions,
        Optional<URI> fixtures,
        List<String> fixtureStrategies,
        Optional<Secret> token,
        Timeouts timeouts,
        Readings readings,
        boolean strictShould) {

    public TargetProfile {
        embeddedOptions = Map.copyOf(embeddedOptions);
        fixtureStrategies = List.copyOf(fixtureStrategies);
    }

    /** One line describing the effective profile, safe to print: it never contains the token. */
    public String describe() {
        return "profile '" + name + "': " + target.map(URI::toString).orElse("embedded " + embedded + " target")
                + ", fixtures " + fixtures.map(URI::toString).orElse(target.isEmpty() ? "(embedded hook)" : "(none)")
                + ", token " + (token.isPresent() ? Secret.MASK : target.isEmpty() ? "(random, made for this run)" : "(none)")
                + ", event timeout " + timeouts.event().toMillis() + " ms";
    }
}
