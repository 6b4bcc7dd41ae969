package org.sessionthreads.conformance.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.discovery.Discover;
import org.sessionthreads.conformance.report.ExitStatus;

/** {@code discover}: {@link Discover} (harmless probes, findings, a starter profile) with the runner's options. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Probe a target with harmless requests and write a starter profile for it.")
final class DiscoverCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Option(names = {"--output", "-o"}, paramLabel = "FILE",
            description = "where the starter profile goes (default: reports/discovered-profile.yaml)")
    Path output = Path.of("reports", "discovered-profile.yaml");

    @Override
    public Integer call() {
        Map<String, String> parameters;
        try {
            parameters = target.parameters();
            TargetOptions.loader(parameters).load(); // why: a bad profile is a usage error, found before any request
        } catch (ProfileException e) {
            System.err.println("conformance: " + ExitStatus.usage(e.getMessage()).reason());
            return ExitStatus.USAGE;
        }
        // why: the fixture ledger of discovery's probes goes beside the profile it writes, not to ./reports
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null) {
            parameters.put("conformance.reports_dir", folder.toString());
        }
        int code = Discover.run(TargetOptions.loader(parameters), output, System.out, "--profile " + output);
        return code == 0 ? ExitStatus.PASS : ExitStatus.NO_VERDICT;
    }
}
