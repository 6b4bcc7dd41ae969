package org.sessionthreads.conformance.config;

import java.util.List;
import java.util.ServiceLoader;

/** Finds an {@link EmbeddedTarget} by name with ServiceLoader and starts it for one run. */
final class EmbeddedTargets {
    private EmbeddedTargets() {
    }

    static Target start(TargetProfile profile) {
        List<EmbeddedTarget> all = ServiceLoader.load(EmbeddedTarget.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        EmbeddedTarget chosen = all.stream().filter(t -> t.name().equals(profile.embedded())).findFirst()
                .orElseThrow(() -> new ProfileException("no embedded target named '" + profile.embedded()
                        + "'; available: " + all.stream().map(EmbeddedTarget::name).toList()));
        Secret token = profile.token().orElseGet(Secret::random);
        EmbeddedTarget.Running running = chosen.start(token.reveal(), profile.embeddedOptions());
        String options = profile.embeddedOptions().isEmpty() ? "" : " with " + profile.embeddedOptions();
        return new Target(running.apiBase(), profile.fixtures().or(() -> java.util.Optional.of(running.fixturesUrl())),
                token, "embedded " + chosen.name() + " target at " + running.apiBase() + options, running::close);
    }
}
