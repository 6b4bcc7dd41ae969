package org.sessionthreads.conformance.report.repro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.sessionthreads.conformance.report.ReportFormat;
import org.sessionthreads.conformance.report.RunReport;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.Verdict;

/**
 * {@code repro/<ID>.sh}: per requirement that did not pass, a script that repeats the request its failure was
 * judged on ({@link ReproScript}); a second failed scenario of the same requirement gets {@code <ID>-2.sh}, and so
 * on, in the summary's order. A scenario without a request to repeat gets no file. The folder is emptied first, so
 * it never holds scripts of an earlier run, and is written empty when nothing failed. A run that explored also gets
 * one script per exploration finding ({@link FindingScripts}).
 */
public final class ReproFiles implements ReportFormat {
    public static final String FOLDER = "repro";

    public ReproFiles() {
    }

    @Override
    public List<String> files() {
        return List.of(FOLDER);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        Path folder = dir.resolve(FOLDER);
        clear(folder);
        Files.createDirectories(folder); // why: every bundle has the same shape; empty when nothing failed
        Map<ScenarioOutcome, String> names = names(report.summary());
        for (Map.Entry<ScenarioOutcome, String> entry : names.entrySet()) {
            executable(Files.writeString(dir.resolve(entry.getValue()),
                    ReproScript.script(entry.getKey().requirement(), entry.getKey())));
        }
        var explored = report.summary().facts().explored();
        if (explored.isPresent()) {
            FindingScripts.write(explored.get(), report.summary(), dir);
        }
    }

    static void executable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // why: `sh repro/<file>` runs it all the same
        }
    }

    /** The bundle path ({@code repro/<ID>.sh}) of each scenario with a reproduction, in the summary's order. */
    public static Map<ScenarioOutcome, String> names(RunSummary summary) {
        Map<ScenarioOutcome, String> names = new IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        summary.requirements().forEach(r -> r.scenarios().stream()
                .filter(s -> s.verdict() == Verdict.FAIL || s.verdict() == Verdict.ERROR)
                .filter(s -> s.reproduction().present()).forEach(s -> {
                    String id = r.entry().id().replaceAll("[^A-Za-z0-9._-]", "_");
                    int n = seen.merge(id, 1, Integer::sum);
                    names.put(s, FOLDER + "/" + id + (n == 1 ? "" : "-" + n) + ".sh");
                }));
        return names;
    }

    /** Removes {@code folder} and everything in it (nothing when it does not exist); also the runner's clean-up. */
    public static void clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
