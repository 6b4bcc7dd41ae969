package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.runner.Main;

/**
 * A failed run's reproduction, run after the run ended: the runner runs COORD-001 alone against a reference server
 * that archives coordinators ({@link Fault#COORDINATOR_ARCHIVABLE}) and outlives the run, keeping the fixtures of
 * failed scenarios; then {@code bash repro/COORD-001.sh} gets the same failing answer (200 and the same body) from
 * the server. After {@code sweep} released the kept fixture, the same script gets the 404 a released fixture gets.
 */
class ReproductionSelfTest {
    private static final String TOKEN = "repro-selftest-token-7c41e2";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path dir;

    @Test
    void a_failed_runs_reproduction_gets_the_same_failing_answer_after_the_run() throws Exception {
        Path reports = dir.resolve("reports");
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN)
                .withFault(Fault.COORDINATOR_ARCHIVABLE))) {
            List<String> target = List.of("--target", server.apiBase().toString(), "--fixtures",
                    server.fixturesUrl().toString(), "--token-file", token.toString(), "--reports", reports.toString());

            int code = Main.execute(args(target, "run", "--only", "COORD-001", "--set", "keep_failed_fixtures=true", "--set", "discovery=false",
                    "--no-progress"));

            assertThat(code).isEqualTo(1);
            JsonNode scenario = summaryScenario(reports, "COORD-001");
            assertThat(scenario.get("verdict").asString()).isEqualTo("FAIL");
            JsonNode reproduction = scenario.get("reproduction");
            assertThat(reproduction.get("file").asString()).isEqualTo("repro/COORD-001.sh");
            assertThat(reproduction.get("fixtures").asString()).isEqualTo("kept");
            String kept = reproduction.get("kept_sessions").get(0).asString();
            assertThat(Files.readString(reports.resolve("fixture-ledger.jsonl"))).contains("\"event\":\"kept\"", kept);
            assertThat(Files.readString(reports.resolve("summary.md"))).contains("bash repro/COORD-001.sh",
                    "its fixtures were kept (" + kept + ")", "1 kept for reproducing failures (" + kept);
            assertThat(JSON.readTree(Files.readString(reports.resolve("summary.json"))).get("fixtures").asString())
                    .contains("1 kept for reproducing failures (" + kept).doesNotContain("LEFT OVER");
            Path script = reports.resolve("repro/COORD-001.sh");
            String text = Files.readString(script);
            assertThat(text).doesNotContain(TOKEN).contains("$CONFORMANCE_TOKEN").doesNotContainIgnoringCase(
                    "x-www-form-urlencoded");

            Replay replay = bash(script);

            assertThat(replay.exit()).as(replay.out()).isZero();
            assertThat(replay.out()).contains("HTTP 200 (in the run: 200)");
            assertThat(JSON.readTree(replay.body())).isEqualTo(JSON.readTree(judgedBody(text)));

            assertThat(Main.execute(args(target, "sweep"))).isZero();
            Replay released = bash(script);
            assertThat(released.exit()).isEqualTo(1);
            assertThat(released.out()).contains("HTTP 404 (in the run: 200)");
        }
    }

    private static String[] args(List<String> target, String command, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(target);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static JsonNode summaryScenario(Path reports, String id) throws IOException {
        JsonNode summary = JSON.readTree(Files.readString(reports.resolve("summary.json")));
        for (JsonNode requirement : summary.get("requirements")) {
            if (requirement.get("id").asString().equals(id)) {
                return requirement.get("scenarios").get(0);
            }
        }
        throw new AssertionError(id + " is not in the summary");
    }

    /** The answer the run judged, as the script's comment quotes it. */
    private static String judgedBody(String script) {
        return script.lines().dropWhile(line -> !line.startsWith("# In the run")).skip(1)
                .takeWhile(line -> line.startsWith("#   ")).map(line -> line.substring(4))
                .collect(Collectors.joining("\n"));
    }

    private record Replay(int exit, String out) {
        /** The answer body: the output before the status line. */
        String body() {
            return out.substring(0, out.lastIndexOf("HTTP ")).strip();
        }
    }

    private static Replay bash(Path script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("CONFORMANCE_TOKEN", TOKEN);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Replay(process.exitValue(), out);
    }
}
