package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.docs.DocCommandBlocks.Block;
import org.sessionthreads.conformance.docs.DocScript;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * The certify gate of docs/explore.md ("In the product"), its two command blocks run as written, each in its own copy
 * of the source tree ({@link DocRun}): {@code run --profile certify} against the embedded reference server runs the
 * scenarios and then exploration at its default depth, and passes with no finding; the same gate with a profile of
 * one's own ({@code extends: neutral}, {@code certify: true}, {@code --target}, {@code --fixtures}) against a
 * reference server with {@code --fault ARCHIVE_NOT_PERSISTED} exits 1 naming ARCH-004, exploration's confirmed
 * finding among its failures. Whole runs both: {@code --only} would leave exploration out.
 */
@Execution(ExecutionMode.CONCURRENT) // why: each block runs in its own copy of the tree, against a server of its own, and mostly waits
class CertifyRunnerIT {
    static final String DOC = "docs/explore.md";
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theCertifyProfileRunsTheScenariosThenExplorationAndPasses() throws IOException {
        DocRun.Place place = DocRun.place(DOC, "certify-embedded");
        Block block = gateBlocks().get(0);
        assertThat(block.text()).contains("run --profile certify");

        Processes.Result result = DocRun.script(place, "certify", List.of(block), Map.of(), null, LIMIT);

        assertThat(result.exitCode()).as("%s exited %d:%n%s", block.where(), result.exitCode(), result.output())
                .isZero();
        assertThat(result.lines()).last().asString().isEqualTo("[runner] exit 0: pass");
        Path reports = place.dir().resolve("reports");
        PackagedJarRunnerIT.assertCompleteBundle(reports, true);
        JsonNode summary = PackagedJarRunnerIT.summary(reports);
        assertThat(summary.get("exit_code").asInt()).isZero();
        assertThat(summary.get("counts").get("PASS").asInt()).as("every requirement PASS")
                .isEqualTo(RequirementCatalogue.load().entries().size());
        assertThat(scenarios(summary, "ARCH-001")).as("judged by its scenario, then by exploration")
                .containsExactly("ARCH-001 Archive returns the archived thread: PASS", "ARCH-001 exploration: PASS");
        JsonNode exploration = summary.get("exploration");
        assertThat(exploration.get("depth").asInt()).as("the default depth").isEqualTo(3);
        assertThat(exploration.get("findings").asInt()).isZero();
        JsonNode explored = explored(reports);
        JsonNode sequences = explored.get("sequences");
        assertThat(sequences.get("run").asInt()).as("sequences judged").isPositive()
                .isEqualTo(sequences.get("enumerated").asInt());
        assertThat(explored.get("findings")).isEmpty();
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Exploration")
                .contains("[explore.md](explore.md)");
        PackagedJarRunnerIT.assertTokenNowhere(place.work());
    }

    @Test
    void aProfileOfOnesOwnThatCertifiesFailsARequirementOnExplorationsFinding() throws IOException {
        DocRun.Place place = DocRun.place(DOC, "certify-own-target");
        Block block = gateBlocks().get(1);
        try (Processes.Server broken = Processes.Server.start("--fault", "ARCHIVE_NOT_PERSISTED")) {
            Processes.Result result = DocRun.script(place, "certify-own", List.of(block), Map.of(), broken, LIMIT);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(DocScript.lastAnnounced(result.output())).isEqualTo(block.where());
            assertThat(result.lines()).last().asString().startsWith("[runner] exit 1: ").contains("ARCH-004");
            Path reports = place.dir().resolve("my-certify-reports");
            PackagedJarRunnerIT.assertCompleteBundle(reports, true);
            JsonNode summary = PackagedJarRunnerIT.summary(reports);
            assertThat(summary.get("target").asString()).contains(broken.apiBase);
            assertThat(summary.get("exploration").get("depth").asInt()).isEqualTo(3);
            assertThat(PackagedJarRunnerIT.requirement(summary, "ARCH-004").get("verdict").asString())
                    .isEqualTo("FAIL");
            assertThat(scenarios(summary, "ARCH-004")).as("the scenario's failure and exploration's")
                    .contains("ARCH-004 The archived state is stored: FAIL", "ARCH-004 exploration: FAIL");
            JsonNode explored = explored(reports);
            assertThat(explored.get("failed_requirements").toString()).contains("\"ARCH-004\"");
            assertThat(explored.get("findings")).anySatisfy(f -> {
                assertThat(f.get("requirement").asString()).isEqualTo("ARCH-004");
                assertThat(f.get("confirmed").asBoolean()).isTrue();
            });
        }
        PackagedJarRunnerIT.assertTokenNowhere(place.work());
    }

    /** The blocks of the certify gate: the shipped profile against the embedded server, then one's own target. */
    private static List<Block> gateBlocks() {
        List<Block> blocks = DocRun.blocks(DOC).stream().filter(Block::runs).toList();
        assertThat(blocks).as("%s: the certify gate's blocks", DOC).hasSize(2);
        return blocks;
    }

    /** Each scenario of requirement {@code id} in summary.json as {@code "name: VERDICT"}. */
    private static List<String> scenarios(JsonNode summary, String id) {
        return PackagedJarRunnerIT.requirement(summary, id).get("scenarios").valueStream()
                .map(s -> s.get("name").asString() + ": " + s.get("verdict").asString()).toList();
    }

    /** explore.json of {@code reports}, once it is valid for its schema. */
    private static JsonNode explored(Path reports) throws IOException {
        String json = Files.readString(reports.resolve("explore.json"));
        assertThat(SchemaRegistry.shared().validate(Schemas.EXPLORATION, json)).isEmpty();
        assertThat(Files.readString(reports.resolve("explore.md"))).startsWith("# Exploration\n");
        return JSON.readTree(json);
    }
}
