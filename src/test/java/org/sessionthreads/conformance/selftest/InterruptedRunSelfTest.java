package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.waits.Waits;
import org.sessionthreads.conformance.config.Timeouts;
import org.sessionthreads.conformance.schema.SchemaRegistry;
import org.sessionthreads.conformance.schema.Schemas;

/**
 * An interrupted run (what Ctrl-C or a CI cancel does: SIGTERM to the JVM) still leaves its summary and an intact
 * fixture ledger. A child JVM runs the suite against a reference server whose archive hangs (with a deadline of
 * minutes, so scenarios are caught running); once the ledger shows a fixture, the child gets SIGTERM
 * ({@link Process#destroy()} on Unix). Its shutdown hook must write summary.json with the run an ERROR and the
 * scenarios that were running "not finished", and every line of the ledger must still be whole JSON.
 */
class InterruptedRunSelfTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void should_write_the_summary_of_what_ran_when_the_jvm_is_terminated() throws Exception {
        Path profile = dir.resolve("hanging.yaml");
        Files.writeString(profile, "embedded: reference\nembedded_options:\n  transport_faults: ARCHIVE_HANGS\n"
                + "timeouts:\n  request: 5m\n");
        Path reports = dir.resolve("reports");
        Path ledger = reports.resolve("fixture-ledger.jsonl");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InterruptedRunMain.class.getName(),
                profile.toString(), reports.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        // why: discovery creates (and releases) fixtures of its own before any scenario starts; only a line
        // written after the run printed its settings comes from a scenario, which then hangs on its archive
        try {
            boolean running = new Waits(new Timeouts(Duration.ofSeconds(90), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1)))
                    // why: discovery's probe session is in the ledger before any scenario starts
                    .poll("a scenario's fixture in the child's ledger", Duration.ofSeconds(90),
                            () -> java.util.Optional.of(ledger).filter(Files::exists)
                                    .filter(InterruptedRunSelfTest::holdsAScenarioFixture))
                    .isPresent();
            assertThat(running).as("the child run created a fixture; its log: %s", log()).isTrue();
            assertThat(Files.exists(reports.resolve("summary.json"))).as("no summary before the end").isFalse();

            child.destroy(); // SIGTERM

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended after SIGTERM").isTrue();
        } finally {
            child.destroyForcibly();
        }

        String summary = Files.readString(reports.resolve("summary.json"));
        JsonNode root = JSON.readTree(summary);
        assertThat(SchemaRegistry.shared().validate(Schemas.RUN_SUMMARY, summary)).isEmpty();
        assertThat(root.path("gate").asString()).isEqualTo("fail");
        assertThat(root.path("problems").toString()).contains("the run was interrupted before it finished");
        assertThat(summary).contains("not finished: the run was interrupted");
        assertThat(reports.resolve("summary.md")).exists();
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("RUN the run itself",
                "not finished: the run was interrupted");
        assertThat(org.sessionthreads.conformance.report.BundleManifest.verify(reports).ok())
                .as("the interrupted run's manifest verifies").isTrue();
        List<String> lines = Files.readAllLines(ledger);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }

    private static boolean holdsAScenarioFixture(Path ledger) {
        try {
            return Files.readAllLines(ledger).stream().anyMatch(line -> line.contains("\"event\":\"created\"")
                    && !line.contains("\"strategy\":\"discovery\""));
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
