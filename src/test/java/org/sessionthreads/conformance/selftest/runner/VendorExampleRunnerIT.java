package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * examples/vendor-maven run for real as its README says: the README's blocks, its install step included (the suite's
 * plain jar and pom into the local Maven repository), run as written ({@link DocRun}) in a copy of the example,
 * against a reference server (the vendor's server, started in the test's JVM); then the bundle the build left.
 */
class VendorExampleRunnerIT {
    static final String README = "examples/vendor-maven/README.md";

    @Test
    void theVendorBuildRunsTheSuiteArtifactGreenAgainstItsServer() throws IOException {
        DocRun.Ran ran;
        try (Processes.Server server = Processes.Server.start()) {
            ran = DocRun.run(README, server, new HashMap<>(), Duration.ofMinutes(10));
        }
        assertThat(ran.result().output()).contains("BUILD SUCCESS");
        Path reports = ran.dir().resolve("target/conformance");
        PackagedJarRunnerIT.assertCompleteBundle(reports, true);
        JsonNode summary = PackagedJarRunnerIT.summary(reports);
        assertThat(summary.get("gate").asString()).isEqualTo("pass");
        assertThat(summary.get("exit_code").asInt()).isZero();
        assertThat(summary.get("counts").get("PASS").asInt()).isGreaterThan(20);
        assertThat(summary.get("target_url").asString()).startsWith("http://127.0.0.1:");
        PackagedJarRunnerIT.assertTokenNowhere(ran.dir().resolve("target"));
    }
}
