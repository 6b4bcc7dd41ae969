package org.sessionthreads.conformance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints what one whole run of the runner jar ({@code java -jar <runner> run}, the embedded target) costs a fresh
 * JVM in CPU (user and system, of the process and its threads, compiler threads included) and in wall time, under
 * each JIT setting: the JVM's default (C1 then C2) and C1 only ({@code -XX:TieredStopAtLevel=1}, what pom.xml's
 * {@code selftest.jvm.options} gives the self-test JVMs and every JVM they start). Arguments: the runner jar, then
 * the runs per setting (default 3; the settings alternate, so a busy machine slows both alike). Run it as
 * docs/benchmarks.md shows.
 */
public final class JitCostBenchmark {
    private static final List<List<String>> SETTINGS = List.of(List.of(), List.of("-XX:TieredStopAtLevel=1"));

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: JitCostBenchmark <runner jar> [runs per setting]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[][] cpu = new double[SETTINGS.size()][runs];
        double[][] wall = new double[SETTINGS.size()][runs];
        for (int run = 0; run < runs; run++) {
            for (int s = 0; s < SETTINGS.size(); s++) {
                Path reports = Files.createTempDirectory("jit-cost-");
                try {
                    long start = System.nanoTime();
                    Duration used = runOnce(jar, SETTINGS.get(s), reports);
                    wall[s][run] = (System.nanoTime() - start) / 1e9;
                    cpu[s][run] = used.toMillis() / 1e3;
                } finally {
                    delete(reports);
                }
            }
        }
        System.out.println("java -jar " + jar.getFileName() + " run (embedded target), " + runs
                + " runs per setting, alternating; median (min-max)");
        for (int s = 0; s < SETTINGS.size(); s++) {
            String name = SETTINGS.get(s).isEmpty() ? "default JIT (C1 + C2)" : String.join(" ", SETTINGS.get(s));
            System.out.println(String.format(Locale.ROOT, "  %-26s CPU %s s, wall %s s", name, figure(cpu[s]),
                    figure(wall[s])));
        }
    }

    /**
     * One run in a child JVM; its CPU time as the operating system counts it for the process, read every 100 ms
     * until it exits (the last 100 ms or less are not counted: under 1 % of a run).
     */
    private static Duration runOnce(Path jar, List<String> jvmOptions, Path reports)
            throws IOException, InterruptedException {
        String self = ProcessHandle.current().info().command().orElse("java"); // why: the JVM running this
        List<String> command = new ArrayList<>(List.of(self));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run", "--reports", reports.resolve("reports").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(reports.resolve("output.log").toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS"); // why: each setting's options are the only ones
        Process process = builder.start();
        ProcessHandle handle = process.toHandle();
        Duration[] last = {Duration.ZERO};
        while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
            handle.info().totalCpuDuration().ifPresent(d -> last[0] = d); // why: gone once the process has exited
        }
        if (process.exitValue() != 0) {
            List<String> output = Files.readAllLines(reports.resolve("output.log"));
            throw new IllegalStateException("the run exited " + process.exitValue() + "; its last lines:\n"
                    + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
        }
        return last[0];
    }

    private static String figure(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
