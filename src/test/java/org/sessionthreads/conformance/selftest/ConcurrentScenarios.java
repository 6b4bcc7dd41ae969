package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.SuiteConfiguration;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Map;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * How the self-tests launch the scenarios in this JVM: every {@code *Scenarios} class, concurrently (8 threads), as
 * the mutation self-test does, so that every in-JVM run shares one shape.
 */
final class ConcurrentScenarios {
    /** The JUnit configuration that runs scenario classes and methods concurrently. */
    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

    private ConcurrentScenarios() {
    }

    /** A request for the scenario classes matching {@code classPattern}, run concurrently. */
    static LauncherDiscoveryRequestBuilder request(String classPattern) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(classPattern));
        PARALLEL.forEach(request::configurationParameter);
        request.configurationParameters(SuiteConfiguration.PARAMETERS);
        return request;
    }
}
