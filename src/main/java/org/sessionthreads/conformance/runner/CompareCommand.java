package org.sessionthreads.conformance.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sessionthreads.conformance.baseline.BundleSnapshot;
import org.sessionthreads.conformance.baseline.RunDiff;
import org.sessionthreads.conformance.baseline.RunDiffReport;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.report.ExitStatus;

/**
 * {@code compare A B}: the requirement-by-requirement difference of two results bundles, printed and written as
 * {@code comparison.md} and {@code comparison.json}; exit 1 when B is worse than A ({@link RunDiff#worse}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two results bundles (A before, B after): verdicts, reason classes, latency"
                + " percentiles, requests per endpoint. Exit 0: B is not worse; 1: B is worse (a requirement NEW in"
                + " B, or a lower conformance index); 2: a bundle cannot be read.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "the earlier results folder (e.g. yesterday's artifact)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the later results folder")
    Path b;

    @Option(names = {"--output", "-o"}, paramLabel = "DIR",
            description = "where comparison.md and comparison.json go (default: comparison)")
    Path output = Path.of("comparison");

    @Override
    public Integer call() throws IOException {
        RunDiff diff;
        try {
            diff = RunDiff.of(BundleSnapshot.read(a), BundleSnapshot.read(b));
        } catch (ProfileException e) {
            System.err.println("conformance: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        RunDiffReport.write(diff, a.toString(), b.toString(), output);
        System.out.print(RunDiffReport.markdown(diff, a.toString(), b.toString()));
        System.out.println("[compare] written to " + output.resolve(RunDiffReport.MARKDOWN) + " and "
                + output.resolve(RunDiffReport.JSON_FILE));
        return diff.worse().isEmpty() ? ExitStatus.PASS : ExitStatus.FAILED;
    }
}
