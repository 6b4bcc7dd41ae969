package org.sessionthreads.conformance.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.ProfileException;

/**
 * A {@link Baseline} as a file (JSON, {@code "baseline": 1}): what {@code baseline write DIR} prints and what
 * {@code run --baseline FILE} reads. A folder given instead of a file is a results bundle: its baseline is made
 * from its {@code summary.json} on the spot. Each failing entry may be given {@code "expires": "YYYY-MM-DD"} by
 * hand; nothing in the file is a timestamp, id or port of the run it was written from.
 */
public final class BaselineFile {
    static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private BaselineFile() {
    }

    /** The file's text. */
    public static String write(Baseline baseline) {
        return JSON.writeValueAsString(new Doc(FORMAT, baseline.suiteVersion(), baseline.dialect(),
                new java.util.TreeMap<>(baseline.p95()), baseline.entries().stream().map(e -> new Entry(
                e.requirement(), e.verdict(), e.failing() ? e.reasonClass() : null,
                e.failing() && !e.cases().isEmpty() ? e.cases() : null,
                e.expires().map(LocalDate::toString).orElse(null))).toList())) + "\n";
    }

    /**
     * The baseline in {@code path}: a baseline file, or a results folder.
     *
     * @throws ProfileException when it cannot be read (a usage error, found before the run)
     */
    public static Baseline read(Path path) {
        if (Files.isDirectory(path)) {
            return Baseline.of(BundleSnapshot.read(path), Optional.empty());
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path));
        } catch (IOException | JacksonException e) {
            throw new ProfileException("cannot read the baseline " + path + ": " + e.getMessage());
        }
        if (root.path("baseline").asInt(0) != FORMAT) {
            throw new ProfileException(path + " is not a baseline file (\"baseline\": " + FORMAT + "); write one"
                    + " with 'baseline write DIR > FILE', or name a results folder");
        }
        List<BaselineEntry> entries = new ArrayList<>();
        for (JsonNode e : root.path("requirements")) {
            List<String> cases = new ArrayList<>();
            e.path("cases").forEach(c -> cases.add(c.asString("")));
            entries.add(new BaselineEntry(e.path("id").asString(""), e.path("verdict").asString(""),
                    e.path("reason_class").asString(""), cases, expires(path, e)));
        }
        Map<String, Double> p95 = new LinkedHashMap<>();
        root.path("event_latency_p95_ms").properties().forEach(x -> p95.put(x.getKey(), x.getValue().asDouble(0)));
        return new Baseline(root.path("suite_version").asString("unknown"), root.path("dialect").asString(""),
                entries, p95);
    }

    private static Optional<LocalDate> expires(Path path, JsonNode entry) {
        String text = entry.path("expires").asString("").strip();
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new ProfileException("baseline " + path + ", " + entry.path("id").asString("?") + ": expires '"
                    + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    record Doc(int baseline, @JsonProperty("suite_version") String suiteVersion, String dialect,
               @JsonProperty("event_latency_p95_ms") Map<String, Double> p95, List<Entry> requirements) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String id, String verdict, @JsonProperty("reason_class") String reasonClass, List<String> cases,
                 String expires) {
    }
}
