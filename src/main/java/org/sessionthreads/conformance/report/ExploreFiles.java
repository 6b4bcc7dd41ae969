package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code explore.md} and {@code explore.json} (schema: {@code schemas/explore.schema.json}): the run's exploration,
 * its settings, what it ran and every finding with its minimal steps and evidence. Written only when the run
 * explored ({@link RunSummary.Facts#explored()}); the summaries link to them then.
 */
public final class ExploreFiles implements ReportFormat {
    public static final String MARKDOWN = "explore.md";
    public static final String JSON = "explore.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    @Override
    public List<String> files() {
        return List.of(MARKDOWN, JSON);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        var explored = report.summary().facts().explored();
        if (explored.isEmpty()) {
            return;
        }
        Files.writeString(dir.resolve(JSON), MAPPER.writeValueAsString(ExploreJson.of(explored.get())) + "\n");
        Files.writeString(dir.resolve(MARKDOWN), ExploreMarkdown.of(explored.get(), report.summary()));
    }
}
