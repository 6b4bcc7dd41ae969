package org.sessionthreads.conformance.selftest.explore;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sessionthreads.conformance.selftest.SuiteRun;

/**
 * What exploration alone costs against one embedded target: process CPU time (client and server share the JVM),
 * wall time and the exploration's own line (sequences, requests). Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) …ExplorationBenchmark archive-page
 * [fault] [repetitions]}; {@code -Dexplore.budget=N} sets the request budget.
 */
public final class ExplorationBenchmark {
    private ExplorationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args.length > 0 ? args[0] : "archive-page";
        String fault = args.length > 1 ? args[1] : "";
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("explore-benchmark");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < repetitions; i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Map<String, String> options = new LinkedHashMap<>(Map.of("dialect", dialect));
            if (!fault.isEmpty()) {
                options.put("faults", fault);
            }
            Map<String, String> settings = new LinkedHashMap<>(ExplorationCampaign.SETTINGS);
            if (System.getProperty("explore.budget") != null) {
                settings.put("explore.budget", System.getProperty("explore.budget"));
            }
            SuiteRun run = SuiteRun.withProfile("reference", options, settings, dir,
                    ".*ExplorationScenarios");
            System.out.printf("run %d: %s; cpu %d ms, wall %d ms; not met %s%n", i + 1,
                    ExploredRun.of(run).map(e -> e.requests() + " requests, " + e.sequences() + " sequences, " + e.millis() + " ms explored")
                            .orElse("no exploration"), (os.getProcessCpuTime() - cpu) / 1_000_000,
                    (System.nanoTime() - wall) / 1_000_000, run.requirementsNotMet());
            ExploredRun.of(run).ifPresent(e -> e.findings().forEach(f -> System.out.println("  finding " + f)));
            if (System.getProperty("explore.problems") != null) {
                System.out.println(run.problems());
            }
        }
    }
}
