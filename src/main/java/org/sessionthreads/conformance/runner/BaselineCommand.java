package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sessionthreads.conformance.baseline.Baseline;
import org.sessionthreads.conformance.baseline.BaselineFile;
import org.sessionthreads.conformance.baseline.BundleSnapshot;
import org.sessionthreads.conformance.baseline.RunSnapshot;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.report.ExitStatus;

/** {@code baseline write DIR}: the baseline of a results bundle on standard output (docs/verdicts.md#baselines). */
@Command(name = "baseline", mixinStandardHelpOptions = true, subcommands = BaselineCommand.Write.class,
        description = "Known-findings baselines: 'baseline write DIR > baseline.json', then 'run --baseline"
                + " baseline.json'.")
final class BaselineCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand (write)");
    }

    @Command(name = "write", mixinStandardHelpOptions = true,
            description = "Print the baseline of the results bundle in DIR: suite version, dialect, and each"
                    + " requirement's outcome with its failure signature.")
    static final class Write implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "a results folder (the run's --reports)")
        Path dir;

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD",
                description = "every failure's entry expires after this day: it is NEW again")
        String expires;

        @Override
        public Integer call() {
            try {
                RunSnapshot run = BundleSnapshot.read(dir);
                if (run.outcomes().stream().allMatch(o -> o.verdict().equals("DISABLED"))) {
                    throw new ProfileException("the bundle in " + dir + " comes from a run that executed nothing:"
                            + " its baseline would know no outcome");
                }
                System.out.print(BaselineFile.write(Baseline.of(run, expiry())));
                return ExitStatus.PASS;
            } catch (ProfileException e) {
                System.err.println("conformance: " + e.getMessage());
                return ExitStatus.USAGE;
            }
        }

        private Optional<LocalDate> expiry() {
            try {
                return Optional.ofNullable(expires).map(LocalDate::parse);
            } catch (DateTimeParseException e) {
                throw new ProfileException("--expires " + expires + ": not a date (YYYY-MM-DD)");
            }
        }
    }
}
