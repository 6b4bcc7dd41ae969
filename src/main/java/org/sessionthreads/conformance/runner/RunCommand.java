package org.sessionthreads.conformance.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sessionthreads.conformance.ConformanceSuite;
import org.sessionthreads.conformance.baseline.BaselineGate;
import org.sessionthreads.conformance.catalogue.Level;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ConsoleKind;
import org.sessionthreads.conformance.config.ConsoleOptions;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.junit.RunRecordSession;
import org.sessionthreads.conformance.report.Ansi;
import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.waiver.Waivers;

/**
 * {@code run}: the suite against a target, through the JUnit Platform Launcher with {@link ConformanceSuite}
 * selected by class (no classpath scan). Order of work: the bundle {@code --rerun-failed} names is read (nothing to
 * rerun ends here, exit 4, no folder touched); the results folder is emptied; the options, the profile,
 * the waivers and {@code --only} are checked (a problem is exit 2, before any request); the suite runs; the
 * bundle is completed; the exit code comes from the run's summary ({@link ExitStatus#of}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the suite against a target and write the results bundle.",
        footerHeading = "%nExit codes:%n", footer = Main.EXIT_CODES)
final class RunCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"--reports", "-o"}, paramLabel = "DIR", description = "results folder (default: reports)")
    Path reports = Path.of("reports");

    @Option(names = "--only", paramLabel = "ID", split = ",",
            description = "run only these requirements: ids (ARCH-001), id prefixes (ARCH), levels (MUST, SHOULD)"
                    + " or tags (smoke, events, …) of the catalogue, see 'list'; repeatable or comma-separated")
    List<String> only = new ArrayList<>();

    @Option(names = "--rerun-failed", paramLabel = "DIR", description = "run only the requirements that were ERROR,"
            + " FAIL, WAIVED or UNTESTABLE in the bundle in DIR (with --only: those of them it selects)")
    Path rerunFailed;

    @Option(names = "--fail-fast", description = "no scenario starts after the first gating failure; the rest are"
            + " DISABLED (fail-fast), the bundle is written, exit 1 (setting fail_fast)")
    boolean failFast;

    @Option(names = "--no-progress", description = "line-oriented output even on a terminal (the default in CI)")
    boolean noProgress;

    @Mixin
    ResultOptions results = new ResultOptions();

    @Option(names = {"--verbose", "-v"}, description = "also print every discovery finding, the effective settings"
            + " and each finished scenario (setting console.verbose; always in summary.md)")
    boolean verbose;

    @Option(names = "--no-color", description = "no colour even on a terminal (setting console.color; also when"
            + " NO_COLOR is set)")
    boolean noColor;

    /** Set by {@code explore}: exploration alone, scenarios and the end-of-run audit left out (not an option). */
    boolean explorationOnly;

    @Override
    public Integer call() {
        Optional<Set<String>> rerun;
        try { // why: before the results folder is emptied, which may be the bundle named
            rerun = Optional.ofNullable(rerunFailed).map(RerunSelection::notPassed);
        } catch (ProfileException e) {
            Bundle bundle = new Bundle(reports);
            bundle.clean();
            return refuse(bundle, ExitStatus.usage(e.getMessage()));
        }
        if (rerun.filter(Set::isEmpty).isPresent()) {
            System.out.println("[runner] exit " + ExitStatus.NOTHING_RAN + ": nothing to rerun: every requirement in "
                    + rerunFailed.resolve("summary.json") + " is PASS or DISABLED (no bundle written)");
            return ExitStatus.NOTHING_RAN;
        }
        Bundle bundle = new Bundle(reports);
        Optional<AllureHistory> history = results.history(); // why: before the folder is emptied, it may be --reports
        bundle.clean();
        history.ifPresent(h -> System.out.println("[runner] " + h.writeInto(bundle.allure())));
        Map<String, String> parameters;
        Set<String> selected;
        ConsoleOptions console;
        try {
            parameters = new LinkedHashMap<>(target.parameters());
            parameters.put("conformance.reports_dir", bundle.dir().toString());
            flagSettings(parameters);
            results.addTo(parameters);
            if (explorationOnly) {
                ExplorationFilter.forceOn(parameters);
            }
            selected = RerunSelection.within(checkedIds(), rerun);
            console = preflight(parameters).console();
        } catch (ProfileException e) {
            return refuse(bundle, ExitStatus.usage(e.getMessage()));
        }
        Optional<RunSummary> summary;
        try {
            summary = launch(bundle, parameters, selected, console);
        } catch (RuntimeException | LinkageError e) { // why: a launcher that breaks still leaves a bundle and a 3
            ExitStatus broken = new ExitStatus(ExitStatus.NO_VERDICT, "no verdict possible: harness error: " + e);
            bundle.writeUnstarted(broken);
            System.out.println("[runner] exit " + broken.code() + ": " + broken.reason());
            return broken.code();
        }
        ExitStatus status = summary.map(ExitStatus::of).orElseGet(() -> {
            ExitStatus none = new ExitStatus(ExitStatus.NO_VERDICT, "no verdict possible: the suite wrote no summary"
                    + " (harness error)");
            bundle.writeUnstarted(none);
            System.out.println("[runner] results in " + bundle.dir()); // why: the suite's table names them otherwise
            return none;
        });
        String exit = "[runner] exit " + status.code() + (status.reason().isEmpty() ? ": pass" : ": " + status.reason());
        System.out.println(Ansi.of(console.colour()).verdict(status.code() == ExitStatus.PASS ? "PASS" : "FAIL", exit));
        return status.code();
    }

    /** For a bad option picocli found: the bundle of a run that did not start (folder from the options parsed so far). */
    void writeUsageBundle(ExitStatus status) {
        Bundle bundle = new Bundle(reports);
        bundle.clean();
        bundle.writeUnstarted(status);
    }

    private int refuse(Bundle bundle, ExitStatus status) {
        bundle.writeUnstarted(status);
        System.err.println("conformance: " + status.reason());
        return status.code();
    }

    private Set<String> checkedIds() {
        return RequirementSelection.ids(RequirementCatalogue.load(), only);
    }

    /** {@code --verbose}, {@code --no-color} and {@code --fail-fast} as the settings they stand for. */
    private void flagSettings(Map<String, String> parameters) {
        if (verbose) {
            parameters.put("conformance.console.verbose", "true");
        }
        if (noColor) {
            parameters.put("conformance.console.color", "false");
        }
        if (failFast) {
            parameters.put("conformance.fail_fast", "true");
        }
    }

    /** Everything the run would refuse at its start, checked before the first request; the profile it loads. */
    private static TargetProfile preflight(Map<String, String> parameters) {
        TargetProfile profile = TargetOptions.loader(parameters).load();
        if (profile.target().isPresent() && profile.token().isEmpty()) { // why: configuration, not a failed run
            throw new ProfileException("no token for " + profile.target().get() + ": set the environment variable"
                    + " CONFORMANCE_TOKEN (or the one --token-env names), or name a file with --token-file");
        }
        RequirementCatalogue catalogue = RequirementCatalogue.load();
        for (String id : profile.gateShould()) {
            if (catalogue.find(id).map(e -> e.level() != Level.SHOULD).orElse(true)) {
                throw new ProfileException("gate_should lists " + id + ", which is not a SHOULD requirement");
            }
        }
        Waivers.load(profile.waivers());
        BaselineGate.check(profile);
        return profile;
    }

    /** Runs the suite in a launcher session of its own; the summary its ledger wrote, if any. */
    private Optional<RunSummary> launch(Bundle bundle, Map<String, String> parameters, Set<String> selected,
                                        ConsoleOptions options) {
        // why: allure-junit5 reads its folder from this property when its lifecycle is first used
        System.setProperty("allure.results.directory", bundle.allure().toString());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ConformanceSuite.class))
                .filters(EngineFilter.includeEngines("junit-platform-suite"))
                .configurationParameters(parameters);
        if (!selected.isEmpty()) {
            request.filters(new RequirementFilter(selected));
        }
        if (explorationOnly) {
            request.filters(new ExplorationFilter());
        }
        LauncherDiscoveryRequest built = request.build();
        ConsoleKind console = noProgress ? ConsoleKind.LOG : ConsoleKind.ofThisProcess();
        PrintStream out = System.out;
        PrintStream err = System.err;
        StatusLine status = new StatusLine(out);
        if (console == ConsoleKind.TERMINAL) { // why: whatever the suite prints clears the status line first
            System.setOut(status.around(out));
            System.setErr(status.around(err));
        }
        // why: the suite's own listener writes the bundle, junit.xml included (report.ResultsBundle)
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(built, new Progress(System.out, console, options, status));
            return RunRecordSession.summary(session);
        } finally {
            status.clear();
            System.setOut(out);
            System.setErr(err);
        }
    }
}
