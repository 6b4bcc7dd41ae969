package org.sessionthreads.conformance.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.ProfileException;
import org.sessionthreads.conformance.report.ConformanceIndex;

/**
 * A results bundle's {@code summary.json} read back as a {@link RunSnapshot} (schema:
 * {@code schemas/summary.schema.json}). A bundle written before a field existed reads as having it empty; its
 * conformance index is then counted from the levels and verdicts it lists.
 */
public final class BundleSnapshot {
    static final String SUMMARY = "summary.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BundleSnapshot() {
    }

    /**
     * The snapshot of the bundle in {@code dir} (or of the {@code summary.json} it names).
     *
     * @throws ProfileException when there is no readable summary (a usage error: the wrong folder was named)
     */
    public static RunSnapshot read(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve(SUMMARY) : dir;
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new ProfileException("cannot read the results bundle " + dir + ": " + file + " is missing or not"
                    + " a summary.json (" + e.getMessage() + ")");
        }
        if (!root.path("requirements").isArray()) {
            throw new ProfileException(file + " is not a summary.json: it has no 'requirements'");
        }
        return of(root);
    }

    static RunSnapshot of(JsonNode root) {
        String dialect = Dialect.DEFAULT.wireName();
        for (JsonNode setting : root.path("settings")) {
            if (setting.path("key").asString("").equals("dialect")) {
                dialect = setting.path("value").asString(dialect);
            }
        }
        List<RunSnapshot.Outcome> outcomes = new ArrayList<>();
        for (JsonNode r : root.path("requirements")) {
            List<String> cases = new ArrayList<>();
            for (JsonNode s : r.path("scenarios")) {
                String c = FailureSignature.caseOf(s.path("name").asString(""));
                if (RunSnapshot.FAILING.contains(s.path("verdict").asString("")) && !c.isEmpty()) {
                    cases.add(c);
                }
            }
            outcomes.add(new RunSnapshot.Outcome(r.path("id").asString(""), r.path("level").asString(""),
                    r.path("verdict").asString(""), r.path("blocking").asBoolean(false),
                    r.path("reason_class").asString(""), cases));
        }
        Map<String, RunSnapshot.Percentiles> latency = new LinkedHashMap<>();
        root.path("event_latency").properties().forEach(e -> latency.put(e.getKey(), new RunSnapshot.Percentiles(
                e.getValue().path("samples").asInt(0), e.getValue().path("p50_ms").asDouble(0),
                e.getValue().path("p95_ms").asDouble(0), e.getValue().path("max_ms").asDouble(0))));
        Map<String, Long> requests = new LinkedHashMap<>();
        root.path("requests").path("per_endpoint").properties()
                .forEach(e -> requests.put(e.getKey(), e.getValue().asLong(0)));
        return new RunSnapshot(root.path("suite").path("version").asString("unknown"), dialect, outcomes, latency,
                requests, conformance(root.path("conformance"), outcomes));
    }

    private static ConformanceIndex conformance(JsonNode written, List<RunSnapshot.Outcome> outcomes) {
        if (written.isObject()) {
            return new ConformanceIndex(written.path("musts").asInt(0), written.path("judged").asInt(0),
                    written.path("passed").asInt(0));
        }
        List<RunSnapshot.Outcome> musts = outcomes.stream().filter(o -> o.level().equals("MUST")).toList();
        return new ConformanceIndex(musts.size(), (int) musts.stream().filter(o -> List.of("PASS", "FAIL", "WAIVED")
                .contains(o.verdict())).count(), (int) musts.stream().filter(RunSnapshot.Outcome::passing).count());
    }
}
