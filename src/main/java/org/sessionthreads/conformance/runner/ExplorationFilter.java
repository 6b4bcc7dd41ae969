package org.sessionthreads.conformance.runner;

import java.util.Map;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.junit.ExplorationRun;

/**
 * {@code explore}: keeps the methods of the class that runs exploration ({@link ExplorationRun}) and leaves out every
 * scenario and the end-of-run audit; classes left without a method are pruned by the launcher, so they send nothing.
 * Containers and sources other than methods pass.
 */
final class ExplorationFilter implements PostDiscoveryFilter {
    private static final String ENABLED = "conformance.explore.enabled";

    /** Turns exploration on whatever the profile says; {@code --set explore.enabled=false} contradicts the command. */
    static void forceOn(Map<String, String> parameters) {
        String asked = parameters.getOrDefault(ENABLED, "true").strip();
        if (!asked.equalsIgnoreCase("true") && !asked.equalsIgnoreCase("certify")) {
            throw new ProfileException("explore runs exploration: --set explore.enabled=" + asked
                    + " contradicts it (use run for the scenarios without exploration)");
        }
        parameters.put(ENABLED, "true");
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("not a scenario method");
        }
        boolean explores;
        try {
            explores = source.getJavaClass().isAnnotationPresent(ExplorationRun.class);
        } catch (RuntimeException notLoadable) {
            return FilterResult.excluded("not a loadable scenario method");
        }
        return FilterResult.includedIf(explores, () -> "runs exploration",
                () -> "a scenario or the audit: explore runs exploration alone");
    }
}
