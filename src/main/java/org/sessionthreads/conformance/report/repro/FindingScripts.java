package org.sessionthreads.conformance.report.repro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.sessionthreads.conformance.report.ExplorationSection;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * {@code repro/<n>-<ID>.sh}: per exploration finding (confirmed or not), in the report's order ({@code n} its
 * position, two digits), the script that shows it again ({@link FindingScript}).
 */
public final class FindingScripts {
    /** The setting that holds the fixture hook's URL. */
    private static final String HOOK_SETTING = "fixtures";

    private FindingScripts() {
    }

    /** The bundle path of each finding's script, in the findings' order. */
    public static List<String> names(ExplorationSection section) {
        return IntStream.range(0, section.findings().size()).mapToObj(i -> String.format("%s/%02d-%s.sh",
                ReproFiles.FOLDER, i + 1, section.findings().get(i).requirement().replaceAll("[^A-Za-z0-9._-]", "_")))
                .toList();
    }

    /** Writes the scripts of {@code section} under {@code dir} (whose {@code repro/} exists). */
    static void write(ExplorationSection section, RunSummary summary, Path dir) throws IOException {
        String hook = summary.facts().settings().stream().filter(s -> s.key().equals(HOOK_SETTING))
                .map(RunSummary.Setting::value).findFirst().orElse("");
        List<String> names = names(section);
        for (int i = 0; i < names.size(); i++) {
            ReproFiles.executable(Files.writeString(dir.resolve(names.get(i)), FindingScript.script(i + 1,
                    section.findings().get(i), summary.run().targetUrl(), hook)));
        }
    }
}
