package org.sessionthreads.conformance.selftest.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;

/**
 * Runs the packaged runner jar, as docs/runner.md tells a user to ({@code run --target … --fixtures …}, token in
 * {@code CONFORMANCE_TOKEN}), against the independent server under each {@link Behaviour}: a conformant one must
 * exit 0 with no FAIL over the whole suite; a fault, run with {@code --only} its requirements, must exit 1 with each
 * of them FAIL in summary.json.
 *
 * <p>Not part of the default build (tag {@code independent}, and the name matches neither Surefire's nor the
 * runner-jar Failsafe execution's patterns). Run:
 * <pre>
 * mvn -o -q package -DskipTests &amp;&amp; mvn -o -Pselftest surefire:test -Dtest='IndependentServersIT' \
 *   -Drunner.jar=$PWD/target/thread-archive-conformance-0.1.0-SNAPSHOT-runner.jar \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=independent [-Dindependent.behaviours=PLAIN,REARCHIVE_404]
 * </pre>
 * Each run's bundle stays in {@code target/independent/<BEHAVIOUR>/}; one line per behaviour is appended to
 * {@code target/independent/results.md}.
 */
@Tag("independent")
class IndependentServersIT {
    private static final Path WORK = Path.of("target", "independent").toAbsolutePath();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Behaviour.class)
    void theSuiteJudgesTheIndependentServer(Behaviour behaviour) throws Exception {
        String selected = System.getProperty("independent.behaviours", "");
        assumeTrue(selected.isBlank() || Arrays.asList(selected.split(",")).contains(behaviour.name()),
                "not selected by -Dindependent.behaviours");
        String jar = System.getProperty("runner.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "-Drunner.jar=<the runner jar> is required");
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        String token = "pt-" + HexFormat.of().formatHex(secret);
        Path reports = WORK.resolve(behaviour.name());
        Files.createDirectories(reports);
        try (IndependentServer server = IndependentServer.start(behaviour, token, 0)) {
            List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar, "run", "--target", server.apiUrl(),
                    "--fixtures", server.fixturesUrl(), "--reports", reports.toString(), "--no-progress"));
            if (!behaviour.conformant()) {
                command.add("--only");
                command.add(String.join(",", behaviour.only()));
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(reports.resolve("console.txt").toFile());
            pb.environment().put("CONFORMANCE_TOKEN", token);
            Process process = pb.start();
            assertTrue(process.waitFor(12, TimeUnit.MINUTES), "the run ended within 12 minutes");
            int exit = process.exitValue();
            JsonNode summary = Wire.JSON.readTree(reports.resolve("summary.json").toFile());
            Map<String, String> verdicts = new LinkedHashMap<>();
            summary.get("requirements").forEach(r -> verdicts.put(r.get("id").asString(), r.get("verdict").asString()));
            record(behaviour, exit, verdicts);
            if (behaviour.conformant()) {
                assertEquals(0, exit, "a conformant server passes (console: " + reports.resolve("console.txt") + ")");
                assertTrue(!verdicts.containsValue("FAIL"), "no FAIL for a conformant server: " + verdicts);
            } else {
                assertEquals(1, exit, "a fault fails the run (console: " + reports.resolve("console.txt") + ")");
                for (String id : behaviour.breaks()) {
                    assertEquals("FAIL", verdicts.get(id), id + " fails for " + behaviour + ": " + verdicts);
                }
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void record(Behaviour behaviour, int exit, Map<String, String> verdicts) throws IOException {
        List<String> notPass = new ArrayList<>();
        verdicts.forEach((id, verdict) -> {
            if (!verdict.equals("PASS") && !verdict.equals("NOT_RUN") && !verdict.equals("DISABLED")) {
                notPass.add(id + " " + verdict);
            }
        });
        String line = "| " + behaviour + " | " + (behaviour.conformant() ? "conformant" : "fault "
                + String.join(",", behaviour.breaks())) + " | exit " + exit + " | " + String.join("; ", notPass)
                + " |\n";
        Files.writeString(WORK.resolve("results.md"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
