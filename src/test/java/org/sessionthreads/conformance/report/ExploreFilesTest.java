package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.ReplayPlan;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/** explore.md, explore.json and the summaries' exploration section, from hand-made exploration reports. */
class ExploreFilesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BuildInfo BUILD = new BuildInfo("1.0", "abc");

    @TempDir
    Path dir;

    @Test
    void should_write_every_finding_with_its_steps_verdict_and_redacted_evidence() throws IOException {
        ResultsBundle.write(summary(Optional.of(section())), BUILD, dir, Optional.empty(), Optional.empty());

        String json = Files.readString(dir.resolve(ExploreFiles.JSON));
        assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json)).isEmpty();
        JsonNode root = JSON.readTree(json);
        assertThat(root.get("settings").toString()).isEqualTo("{\"depth\":2,\"budget\":500,\"clients\":4}");
        assertThat(root.get("sequences").toString())
                .isEqualTo("{\"enumerated\":40,\"run\":36,\"failed\":7,\"untestable\":4,\"over_budget\":0}");
        assertThat(root.get("requests").asInt()).isEqualTo(321);
        assertThat(root.get("failed_requirements").toString()).isEqualTo("[\"ARCH-004\"]");
        JsonNode confirmed = root.get("findings").get(0);
        assertThat(confirmed.get("requirement").asString()).isEqualTo("ARCH-004");
        assertThat(confirmed.get("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.get("steps").toString()).isEqualTo("[\"archive the child\",\"GET the child\"]");
        assertThat(confirmed.get("allowed").asString()).isEqualTo("status archived");
        assertThat(confirmed.get("observed").asString()).isEqualTo("status idle");
        JsonNode evidence = confirmed.get("evidence").get(0);
        assertThat(evidence.get("request_headers").get("Authorization").get(0).asString())
                .isEqualTo("Bearer [REDACTED]");
        assertThat(evidence.get("reproduce").asString()).contains("$CONFORMANCE_TOKEN").contains("-X POST");
        assertThat(root.get("findings").get(1).get("confirmed").asBoolean()).isFalse();
        assertThat(confirmed.get("repro").asString()).isEqualTo("repro/01-ARCH-004.sh");
        assertThat(root.get("findings").get(1).get("repro").asString()).isEqualTo("repro/02-IDLE-001.sh");
        assertThat(dir.resolve("repro/01-ARCH-004.sh")).isRegularFile();
        assertThat(dir.resolve("repro/02-IDLE-001.sh")).isRegularFile();

        String md = Files.readString(dir.resolve(ExploreFiles.MARKDOWN));
        assertThat(md).startsWith("# Exploration\n")
                .contains("- settings: depth 2, budget 500 requests, clients 4")
                .contains("- confirmed findings: 1 (failing ARCH-004), unconfirmed (reported, never failed): 1")
                .contains("| idle_child | 20 | 18 | 7 | 2 | 0 |  |")
                .contains("### ARCH-004 `view.get.status` — confirmed")
                .contains("1. archive the child\n2. GET the child\n")
                .contains("- the model allowed: status archived\n- the target did: status idle\n"
                        + "- reproduce: [repro/01-ARCH-004.sh](repro/01-ARCH-004.sh)")
                .contains("### IDLE-001 `archive.answer.status` — not confirmed (reported, not failed)")
                .contains("Authorization: Bearer [REDACTED]")
                .contains("\n{\"status\":\"idle\",\"note\":\"<archive>\"}\n```\n");
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
        assertThat(Files.readString(dir.resolve(BundleManifest.FILE))).contains("\"explore.json\"")
                .contains("\"explore.md\"");
    }

    @Test
    void should_give_the_summaries_a_short_section_that_links_to_explore_md() throws IOException {
        ResultsBundle.write(summary(Optional.of(section())), BUILD, dir, Optional.empty(), Optional.empty());

        String json = Files.readString(dir.resolve("summary.json"));
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, json)).isEmpty();
        JsonNode exploration = JSON.readTree(json).get("exploration");
        assertThat(exploration.get("sequences_run").asInt()).isEqualTo(36);
        assertThat(exploration.get("findings").asInt()).isEqualTo(2);
        assertThat(exploration.get("confirmed").asInt()).isEqualTo(1);
        assertThat(exploration.get("report").asString()).isEqualTo("explore.md");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("\n## Exploration\n\n- 36 of 40 sequences")
                .contains("- findings: 1 confirmed (ARCH-004), 1 not confirmed")
                .contains("[explore.md](explore.md), [explore.json](explore.json)");
        assertThat(Files.readString(dir.resolve("summary.html"))).contains("<h2 id=\"exploration\">")
                .contains("<a href=\"explore.md\">explore.md</a>");
    }

    @Test
    void should_write_no_exploration_files_or_sections_for_a_run_that_did_not_explore() throws IOException {
        ResultsBundle.write(summary(Optional.empty()), BUILD, dir, Optional.empty(), Optional.empty());

        assertThat(dir.resolve(ExploreFiles.JSON)).doesNotExist();
        assertThat(dir.resolve(ExploreFiles.MARKDOWN)).doesNotExist();
        assertThat(JSON.readTree(Files.readString(dir.resolve("summary.json"))).has("exploration")).isFalse();
        assertThat(Files.readString(dir.resolve("summary.md"))).doesNotContain("Exploration");
        assertThat(Files.readString(dir.resolve("summary.html"))).doesNotContain("explore.md");
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
    }

    @Test
    void should_cut_a_large_body_and_keep_a_fence_in_a_body_from_closing_the_block() throws IOException {
        String body = "```\n# not a heading\n" + "x".repeat(10_000);
        ExplorationSection hostile = new ExplorationSection(new ExplorationSection.Settings(1, 10, 1), "scope",
                List.of(), List.of(new ExplorationSection.Found("NF-001", "archive.answer.status", "idle_child",
                List.of("archive an unknown thread"), "404", "200", true, 1, List.of(exchange(body)), ReplayPlan.NONE)),
                3,
                Duration.ofMillis(9), List.of());
        ResultsBundle.write(summary(Optional.of(hostile)), BUILD, dir, Optional.empty(), Optional.empty());

        String json = Files.readString(dir.resolve(ExploreFiles.JSON));
        assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json)).isEmpty();
        assertThat(JSON.readTree(json).get("findings").get(0).get("evidence").get(0).get("response_body").asString())
                .hasSize(ExploreJson.BODY_CHARS + " (5924 characters left out)".length() + 1)
                .endsWith("… (5924 characters left out)");
        String md = Files.readString(dir.resolve(ExploreFiles.MARKDOWN));
        assertThat(md).doesNotContain("\n```\n# not a heading").contains("5924 characters left out");
    }

    @Test
    void should_have_a_schema_that_refuses_a_finding_without_its_verdict() throws IOException {
        ResultsBundle.write(summary(Optional.of(section())), BUILD, dir, Optional.empty(), Optional.empty());
        String json = Files.readString(dir.resolve(ExploreFiles.JSON));

        assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json.replace("\"confirmed\" : true,", "")))
                .isNotEmpty();
        assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json.replace("\"requirement\" : \"ARCH-004\"",
                "\"requirement\" : \"archive\""))).isNotEmpty();
    }

    private static ExplorationSection section() {
        return new ExplorationSection(new ExplorationSection.Settings(2, 500, 4),
                "36 of 40 sequences judged (depth 2, 2 fixture kinds), 1 confirmed findings, 321 requests, 1500 ms",
                List.of(new ExplorationSection.Kind("idle_child", 20, 18, 7, 2, 0, ""),
                        new ExplorationSection.Kind("running_child", 20, 18, 0, 2, 0, "no answer | twice")),
                List.of(new ExplorationSection.Found("ARCH-004", "view.get.status", "idle_child",
                                List.of("archive the child", "GET the child"), "status archived", "status idle", true,
                                6, List.of(exchange("{\"status\":\"idle\",\"note\":\"<archive>\"}")), ReplayPlan.NONE),
                        new ExplorationSection.Found("IDLE-001", "archive.answer.status", "running_child",
                                List.of("archive the child"), "409", "200", false, 1, List.of(), ReplayPlan.NONE)),
                321, Duration.ofMillis(1500), List.of("event stream: not offered by the target"));
    }

    private static Exchange exchange(String body) {
        return new Exchange("POST", "http://t/v1/sessions/s/threads/t/archive",
                Map.of("Authorization", List.of("Bearer [REDACTED]")), "", 200,
                Map.of("Content-Type", List.of("application/json")), body, Instant.EPOCH, Duration.ofMillis(2),
                "conformance-7", null, true);
    }

    private static RunSummary summary(Optional<ExplorationSection> explored) {
        RunSummary base = RunSummary.of(RequirementCatalogue.load(), List.of(), new RunSummary.Run("profile 'p'",
                "target", "http://t/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 1, 0,
                RunSummary.Facts.of("fixtures: none"));
        return base.withFacts(base.facts().withExploration(explored));
    }
}
