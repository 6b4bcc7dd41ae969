package org.sessionthreads.conformance.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.ReportFormats;
import org.sessionthreads.conformance.report.repro.ReproFiles;
import org.sessionthreads.conformance.report.ResultsBundle;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * The results folder of one runner invocation: the files of every report format ({@code summary.json},
 * {@code summary.md}, …; see report.ReportFormats) and {@code allure-results/}. It starts empty
 * (a bundle never mixes two runs; the fixture ledger stays, a later sweep needs it) and is complete before every
 * exit, including a usage error or a run that could not start.
 */
final class Bundle {
    static final String ALLURE = "allure-results";
    private final Path dir;

    Bundle(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path allure() {
        return dir.resolve(ALLURE);
    }

    /** Removes what an earlier run left (the fixture ledger excepted). */
    void clean() {
        try {
            List<Path> folders = new java.util.ArrayList<>(List.of(allure()));
            for (String name : ReportFormats.files()) {
                if (Files.isDirectory(dir.resolve(name))) { // why: a format may write a folder (repro/)
                    folders.add(dir.resolve(name));
                } else {
                    Files.deleteIfExists(dir.resolve(name));
                }
            }
            for (Path folder : folders) {
                ReproFiles.clear(folder);
            }
            Files.createDirectories(allure());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the results folder " + dir, e);
        }
    }

    /** The bundle of a run that never started (usage error, or no summary from the suite): every requirement not run. */
    void writeUnstarted(ExitStatus status) {
        Instant now = Instant.now();
        RunSummary summary = RunSummary.of(RequirementCatalogue.load(), List.of(),
                new RunSummary.Run("(run did not start)", "(no target)", "", now, now), 0, 0,
                RunSummary.Facts.of("")).withProblem(status.reason());
        ResultsBundle.write(summary, BuildInfo.load(), dir, Optional.of(status), Optional.empty());
    }
}
