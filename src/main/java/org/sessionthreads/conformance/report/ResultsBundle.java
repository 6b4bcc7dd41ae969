package org.sessionthreads.conformance.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a results bundle that follow from the run summary, written in one place for every kind of run:
 * a finished suite run (the launcher listener), a run the runner refused or could not start, an interrupted one.
 * Order matters: {@code manifest.json} comes last, since it hashes every other file of the bundle.
 *
 * <p>Each part is written even when another cannot be (a full disk for the badge must not lose the manifest).
 */
public final class ResultsBundle {
    private ResultsBundle() {
    }

    /**
     * @param allureEnvironment the Allure Environment panel (redacted); empty when no Allure results exist
     */
    public static void write(RunSummary summary, BuildInfo build, Path dir, Optional<ExitStatus> status,
                             Optional<Map<String, String>> allureEnvironment) {
        part("summary.json/summary.md", () -> {
            if (status.isPresent()) {
                SummaryWriter.write(summary, build, dir, status.get());
            } else {
                SummaryWriter.write(summary, build, dir);
            }
        });
        part("junit.xml", () -> JUnitXmlWriter.write(summary, dir));
        allureEnvironment.ifPresent(environment -> part("the Allure environment",
                () -> AllureBundle.write(AllureBundle.resultsDirectory(), environment)));
        part("badge.svg", () -> Badge.write(summary, build, dir));
        part("manifest.json", () -> BundleManifest.write(summary, build, dir));
    }

    private static void part(String name, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            System.err.println("[conformance] could not write " + name + ": " + e.getMessage());
        }
    }
}
