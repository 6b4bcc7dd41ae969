package org.sessionthreads.conformance.selftest;


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
        LauncherFactory.create().execute(ConcurrentScenarios.request(".*Scenarios")
                .configurationParameter("conformance.profile", args[0])
                .configurationParameter("conformance.reports_dir", args[1])
                .build(), new SummaryGeneratingListener());
    }
}
