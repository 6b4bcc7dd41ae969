package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * {@code java -jar …-runner.jar explore} against {@code serve} with a fault exploration kills
 * ({@code ARCHIVE_NOT_PERSISTED}, ARCH-004): exploration alone (no scenario, no audit), exit 1 naming the
 * requirement, and a complete bundle with explore.md and an explore.json valid for its schema.
 */
class ExploreRunnerIT {
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Test
    void exploreAloneKillsAFaultAndExits1WithExploreFiles() throws IOException {
        Path dir = Processes.workDir("explore");
        try (Processes.Server broken = Processes.Server.start("--fault", "ARCHIVE_NOT_PERSISTED")) {
            // why: one archive of an idle child shows the fault (depth 1); a wait step of 200 ms; no rate cap
            Processes.Result result = Processes.runner(dir, LIMIT, "explore", "--target", broken.apiBase,
                    "--fixtures", broken.fixtures, "--reports", "reports", "--set", "explore.depth=1",
                    "--set", "audit.settle=200ms", "--set", "limits.rate=0");

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.lines()).last().asString().startsWith("[runner] exit 1: ").contains("ARCH-004");
            Path reports = dir.resolve("reports");
            PackagedJarRunnerIT.assertCompleteBundle(reports, true);
            JsonNode summary = PackagedJarRunnerIT.summary(reports);
            assertThat(PackagedJarRunnerIT.requirement(summary, "ARCH-004").get("verdict").asString())
                    .isEqualTo("FAIL");
            assertThat(PackagedJarRunnerIT.requirement(summary, "EVT-001").get("verdict").asString())
                    .as("no scenario ran").isEqualTo("DISABLED");
            assertThat(summary.has("audit")).as("the end-of-run audit did not run").isFalse();
            assertThat(summary.get("exploration").get("depth").asInt()).isEqualTo(1);
            assertThat(summary.get("target").asString()).contains(broken.apiBase);

            String json = Files.readString(reports.resolve("explore.json"));
            assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json)).isEmpty();
            JsonNode explored = JsonMapper.builder().build().readTree(json);
            assertThat(explored.get("failed_requirements").toString()).contains("\"ARCH-004\"");
            JsonNode finding = confirmed(explored, "ARCH-004");
            assertThat(finding.get("steps").size()).isBetween(1, 5);
            assertThat(finding.get("evidence").size()).isPositive();
            assertThat(reports.resolve(finding.get("repro").asString())).as("its reproduction").isRegularFile();
            assertThat(Files.readString(reports.resolve("explore.md"))).startsWith("# Exploration\n")
                    .contains("ARCH-004").contains("— confirmed");
            assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Exploration")
                    .contains("[explore.md](explore.md)");
        }
        PackagedJarRunnerIT.assertTokenNowhere(dir);
    }

    private static JsonNode confirmed(JsonNode explored, String requirement) {
        for (JsonNode f : explored.get("findings")) {
            if (f.get("requirement").asString().equals(requirement) && f.get("confirmed").asBoolean()) {
                return f;
            }
        }
        throw new AssertionError("no confirmed finding of " + requirement + " in explore.json");
    }
}
