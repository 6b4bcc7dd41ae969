package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.ledger.Sweep;
import org.sessionthreads.conformance.report.ExitStatus;

/** {@code sweep}: {@link Sweep}, releasing what killed runs left in {@code <reports>/fixture-ledger.jsonl}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Release the fixtures that killed runs left behind (from the fixture ledger).")
final class SweepCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"--reports", "-o"}, paramLabel = "DIR", description = "results folder of the runs (default: reports)")
    Path reports = Path.of("reports");

    @Override
    public Integer call() {
        TargetProfile profile;
        try {
            Map<String, String> parameters = new java.util.LinkedHashMap<>(target.parameters());
            parameters.put("conformance.reports_dir", reports.toString());
            profile = TargetOptions.loader(parameters).load();
        } catch (ProfileException e) {
            System.err.println("conformance: " + ExitStatus.usage(e.getMessage()).reason());
            return ExitStatus.USAGE;
        }
        Sweep.Result result = new Sweep(profile, System.out).run();
        return result.failed() == 0 ? ExitStatus.PASS : ExitStatus.NO_VERDICT;
    }
}
