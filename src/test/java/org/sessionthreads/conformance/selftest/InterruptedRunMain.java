package org.sessionthreads.conformance.selftest;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The child JVM of {@link InterruptedRunSelfTest}: runs the suite through the launcher with the profile file
 * {@code args[0]} and the reports directory {@code args[1]}, like a user's run, until it is stopped.
 */
public final class InterruptedRunMain {
    private InterruptedRunMain() {
    }

    public static void main(String[] args) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(".*Scenarios"))
                .configurationParameter("conformance.profile", args[0])
                .configurationParameter("conformance.reports_dir", args[1])
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .build(), new SummaryGeneratingListener());
    }
}
