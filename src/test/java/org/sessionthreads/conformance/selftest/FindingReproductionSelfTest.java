package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.runner.Main;

/**
 * An exploration finding's reproduction, run for real: {@code explore} (depth 1, in this JVM) against a reference
 * server that forgets archives ({@link Fault#ARCHIVE_NOT_PERSISTED}, ARCH-004) through its fixture hook; then
 * {@code sh repro/<n>-ARCH-004.sh} gets a fresh fixture from the hook, archives the child (200) and reads it back:
 * the GET answers a status other than archived. The token is in no file of the bundle.
 */
class FindingReproductionSelfTest {
    private static final String TOKEN = "finding-repro-token-3b8d1e";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path dir;

    @Test
    void an_exploration_findings_script_shows_the_fault_again_on_a_fresh_fixture() throws Exception {
        Path reports = dir.resolve("reports");
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN)
                .withFault(Fault.ARCHIVE_NOT_PERSISTED))) {
            int code = Main.execute(new String[]{"explore", "--target", server.apiBase().toString(), "--fixtures",
                    server.fixturesUrl().toString(), "--token-file", token.toString(), "--reports",
                    reports.toString(), "--set", "explore.depth=1", "--set", "audit.settle=200ms", "--set",
                    "limits.rate=0", "--set", "discovery=false", "--no-progress"});
            assertThat(code).isEqualTo(1);

            JsonNode finding = confirmedArch004(JSON.readTree(Files.readString(reports.resolve("explore.json"))));
            Path script = reports.resolve(finding.get("repro").asString());
            assertThat(Files.readString(reports.resolve("explore.md"))).contains("(" + finding.get("repro")
                    .asString() + ")");

            ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
            builder.environment().put("CONFORMANCE_TOKEN", TOKEN);
            Process sh = builder.start();
            String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(sh.exitValue()).as(out).isZero();
            assertThat(out).as(out).contains("(the fixture hook)\n< 201").contains("archive the child")
                    .contains("< 200");
            String read = out.substring(out.lastIndexOf("> GET "));
            assertThat(read).as("the read after the archive").contains("< 200").contains("\"status\"")
                    .doesNotContain("\"status\":\"archived\"");
            assertThat(out).doesNotContain(TOKEN);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(token)).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(TOKEN);
            }
        }
    }

    private static JsonNode confirmedArch004(JsonNode explored) {
        for (JsonNode f : explored.get("findings")) {
            if (f.get("requirement").asString().equals("ARCH-004") && f.get("confirmed").asBoolean()
                    && List.of("archive the child").equals(JSON.convertValue(f.get("steps"), List.class))) {
                return f;
            }
        }
        throw new AssertionError("no confirmed 1-step ARCH-004 finding in explore.json: " + explored.get("findings"));
    }
}
