package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;

/** The options of {@code run} about earlier runs: the baseline it is compared with, and the bundle before it. */
final class ResultOptions {
    @Option(names = "--baseline", paramLabel = "FILE|DIR", description = "compare each requirement with a baseline"
            + " ('baseline write DIR > FILE') or an earlier results folder: NEW, KNOWN or FIXED; with --set gate=new"
            + " only NEW failures gate (setting 'baseline')")
    Path baseline;

    @Option(names = "--previous", paramLabel = "DIR", description = "the previous run's results folder: its Allure"
            + " history is carried into allure-results/history, so the report's trends are filled")
    Path previous;

    /** Adds {@code conformance.baseline} for {@code --baseline}. */
    void addTo(Map<String, String> parameters) {
        if (baseline != null) {
            parameters.put("conformance.baseline", baseline.toString());
        }
    }

    /** The previous bundle's Allure history, read now (before the results folder is emptied). */
    Optional<AllureHistory> history() {
        return Optional.ofNullable(previous).map(AllureHistory::of);
    }
}
