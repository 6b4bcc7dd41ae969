package org.sessionthreads.conformance.report;

import org.sessionthreads.conformance.report.har.ExchangeArchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a results bundle that follow from the run summary, written in one place for every kind of run:
 * a finished suite run (the launcher listener), a run the runner refused or could not start, an interrupted one.
 * Its files are those of the {@link ReportFormats}, written in their order ({@code manifest.json} last: it hashes
 * every other file of the bundle); the Allure environment goes into the Allure results first.
 *
 * <p>Each part is written even when another cannot be (a full disk for the badge must not lose the manifest).
 */
public final class ResultsBundle {
    private ResultsBundle() {
    }

    /**
     * @param status            the exit status, when the runner knows better than the summary (a usage error)
     * @param allureEnvironment the Allure Environment panel (redacted); empty when no Allure results exist
     */
    public static void write(RunSummary summary, BuildInfo build, Path dir, Optional<ExitStatus> status,
                             Optional<Map<String, String>> allureEnvironment) {
        write(summary, build, dir, status, allureEnvironment, ExchangeArchive.none());
    }

    /** @param exchanges every exchange of the run, for {@code exchanges.har} */
    public static void write(RunSummary summary, BuildInfo build, Path dir, Optional<ExitStatus> status,
                             Optional<Map<String, String>> allureEnvironment, ExchangeArchive exchanges) {
        RunReport report = new RunReport(summary, build, status.orElseGet(() -> ExitStatus.of(summary)), exchanges);
        allureEnvironment.ifPresent(environment -> part("the Allure environment",
                () -> AllureBundle.write(AllureBundle.resultsDirectory(), environment)));
        part("the results folder " + dir, () -> Files.createDirectories(dir));
        for (ReportFormat format : ReportFormats.all()) {
            part(String.join(", ", format.files()), () -> format.write(report, dir));
        }
    }

    /** One part of the bundle; its failure is told and leaves the other parts be. */
    private interface Part {
        void write() throws IOException;
    }

    private static void part(String name, Part part) {
        try {
            part.write();
        } catch (IOException | RuntimeException e) {
            System.err.println("[conformance] could not write " + name + ": " + e.getMessage());
        }
    }
}
