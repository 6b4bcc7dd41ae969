package org.sessionthreads.conformance.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code comparison.md} and {@code comparison.json}: a {@link RunDiff} for a reader and for a program. */
public final class RunDiffReport {
    public static final String MARKDOWN = "comparison.md";
    public static final String JSON_FILE = "comparison.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private RunDiffReport() {
    }

    /** Writes both files into {@code dir} (created if need be). */
    public static void write(RunDiff diff, String nameA, String nameB, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKDOWN), markdown(diff, nameA, nameB));
        Files.writeString(dir.resolve(JSON_FILE), json(diff, nameA, nameB));
    }

    public static String markdown(RunDiff diff, String nameA, String nameB) {
        StringBuilder md = new StringBuilder("# Comparison of two runs\n\n- A: ").append(nameA).append(" (suite ")
                .append(diff.a().suiteVersion()).append(")\n- B: ").append(nameB).append(" (suite ")
                .append(diff.b().suiteVersion()).append(")\n- ");
        List<String> worse = diff.worse();
        md.append(worse.isEmpty() ? "B is not worse than A" : "**B is worse than A**: " + String.join("; ", worse))
                .append("\n- NEW ").append(diff.ids("NEW")).append(", KNOWN ").append(diff.ids("KNOWN"))
                .append(", FIXED ").append(diff.ids("FIXED")).append(", CHANGED ").append(diff.ids("CHANGED"))
                .append("\n- A: ").append(diff.a().conformance().describe())
                .append("\n- B: ").append(diff.b().conformance().describe()).append('\n');
        diff.warnings().forEach(w -> md.append("- **WARN** ").append(w).append('\n'));
        md.append("\n## Requirements that changed or fail in both\n\n");
        if (diff.rows().isEmpty()) {
            md.append("None: every requirement has the same verdict in both runs.\n");
        } else {
            md.append("| id | change | A | B |\n|---|---|---|---|\n");
            diff.rows().forEach(r -> md.append("| ").append(r.requirement()).append(" | ").append(r.change())
                    .append(" | ").append(r.before()).append(" | ").append(r.after()).append(" |\n"));
        }
        TreeSet<String> channels = new TreeSet<>(diff.a().latency().keySet());
        channels.addAll(diff.b().latency().keySet());
        if (!channels.isEmpty()) {
            md.append("\n## Event latency (ms, A → B)\n\n| channel | p50 | p95 | max |\n|---|---|---|---|\n");
            for (String c : channels) {
                RunSnapshot.Percentiles a = diff.a().latency().get(c);
                RunSnapshot.Percentiles b = diff.b().latency().get(c);
                md.append("| ").append(c).append(" | ").append(pair(a == null ? null : a.p50(), b == null ? null
                        : b.p50())).append(" | ").append(pair(a == null ? null : a.p95(), b == null ? null : b.p95()))
                        .append(" | ").append(pair(a == null ? null : a.max(), b == null ? null : b.max()))
                        .append(" |\n");
            }
        }
        if (!diff.requests().isEmpty()) {
            md.append("\n## Requests per endpoint\n\n| endpoint | A | B | B − A |\n|---|---|---|---|\n");
            diff.requests().forEach((e, n) -> md.append("| ").append(e.replace("|", "\\|")).append(" | ")
                    .append(n[0]).append(" | ").append(n[1]).append(" | ").append(n[1] - n[0]).append(" |\n"));
        }
        return md.toString();
    }

    private static String pair(Double a, Double b) {
        return (a == null ? "—" : a.toString()) + " → " + (b == null ? "—" : b.toString());
    }

    static String json(RunDiff diff, String nameA, String nameB) {
        Map<String, Requests> requests = new LinkedHashMap<>();
        diff.requests().forEach((e, n) -> requests.put(e, new Requests(n[0], n[1])));
        return JSON.writeValueAsString(new Doc(new Side(nameA, diff.a()), new Side(nameB, diff.b()),
                !diff.worse().isEmpty(), diff.worse(), diff.ids("NEW"), diff.ids("KNOWN"), diff.ids("FIXED"),
                diff.ids("CHANGED"), diff.rows(), requests, diff.warnings())) + "\n";
    }

    record Doc(Side a, Side b, boolean worse, @JsonProperty("worse_because") List<String> worseBecause,
               @JsonProperty("new") List<String> added, List<String> known, List<String> fixed, List<String> changed,
               List<RunDiff.Row> requirements, Map<String, Requests> requests, List<String> warnings) {
    }

    record Side(String bundle, @JsonProperty("suite_version") String suiteVersion, String dialect, double index,
                double score, @JsonProperty("event_latency") Map<String, RunSnapshot.Percentiles> latency) {
        Side(String bundle, RunSnapshot run) {
            this(bundle, run.suiteVersion(), run.dialect(), round(run.conformance().index()),
                    round(run.conformance().score()), run.latency());
        }

        private static double round(double fraction) {
            return Math.round(fraction * 10_000) / 10_000.0;
        }
    }

    record Requests(long a, long b) {
    }
}
