package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.SuiteConfiguration;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Map;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * How the self-tests launch the scenarios in this JVM: every {@code *Scenarios} class, concurrently (8 at once,
 * through the suite's own {@code ConcurrencyStrategy} and {@code concurrency} setting), as the mutation self-test
 * does, so that every in-JVM run shares one shape with the shipped suite.
 */
final class ConcurrentScenarios {
    /** The JUnit configuration that runs scenario classes and methods concurrently. */
    static final Map<String, String> PARALLEL = SuiteConfiguration.concurrency(8);

    private ConcurrentScenarios() {
    }

    /** A request for the scenario classes matching {@code classPattern}, run concurrently. */
    static LauncherDiscoveryRequestBuilder request(String classPattern) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(classPattern));
        request.configurationParameters(SuiteConfiguration.PARAMETERS);
        PARALLEL.forEach(request::configurationParameter);
        return request;
    }
}
