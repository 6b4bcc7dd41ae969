package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sessionthreads.conformance.report.ExitStatus;

/**
 * {@code explore}: exploration alone (docs/explore.md), with the scenarios and the end-of-run audit left out; the
 * same target options, settings, token rules, results bundle and exit codes as {@code run}, which it runs with
 * {@code explore.enabled} forced on ({@link RunCommand#explorationOnly}).
 */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explore the target alone: every short sequence of operations from each fixture kind, judged"
                + " against the model of the archive page (docs/explore.md); scenarios and the end-of-run audit are"
                + " not run. A confirmed finding fails its requirement; the bundle holds explore.md and explore.json.",
                "Settings (--set KEY=VALUE):",
                "  explore.depth=N    steps per sequence (default 3)",
                "  explore.budget=N   requests at most (default 20000); the rest not run",
                "  explore.clients=N  clients of the concurrent histories (default 4)",
                "  audit.settle=D     how long a wait step lasts (default 2s)",
                "Inside run, exploration is on in certify mode only (explore.enabled)."},
        footerHeading = "%nExit codes (as run):%n", footer = Main.EXIT_CODES)
final class ExploreCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"--reports", "-o"}, paramLabel = "DIR", description = "results folder (default: reports)")
    Path reports = Path.of("reports");

    @Option(names = "--no-progress", description = "line-oriented output even on a terminal (the default in CI)")
    boolean noProgress;

    @Mixin
    ResultOptions results = new ResultOptions();

    @Option(names = {"--verbose", "-v"}, description = "also print discovery's findings, the effective settings and"
            + " the exploration's scope (setting console.verbose; always in summary.md)")
    boolean verbose;

    @Option(names = "--no-color", description = "no colour even on a terminal (setting console.color; also when"
            + " NO_COLOR is set)")
    boolean noColor;

    @Override
    public Integer call() {
        return asRun().call();
    }

    /** For a bad option picocli found: the bundle of a run that did not start. */
    void writeUsageBundle(ExitStatus status) {
        asRun().writeUsageBundle(status);
    }

    private RunCommand asRun() {
        RunCommand run = new RunCommand();
        run.target = target;
        run.reports = reports;
        run.noProgress = noProgress;
        run.results = results;
        run.verbose = verbose;
        run.noColor = noColor;
        run.explorationOnly = true;
        return run;
    }
}
