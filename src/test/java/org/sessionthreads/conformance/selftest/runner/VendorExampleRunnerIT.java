package org.sessionthreads.conformance.selftest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * examples/vendor-maven run for real: the suite's plain jar and pom are installed into the local Maven repository
 * (as {@code mvn install} would), and the example build, copied out of the source tree, runs the suite from that
 * artifact against a reference server started as its own process ({@code java -jar … serve}).
 */
class VendorExampleRunnerIT {

    @Test
    void theVendorBuildRunsTheSuiteArtifactGreenAgainstItsServer() throws IOException {
        Path work = Processes.workDir("vendor");
        Path suiteJar = Processes.existing(System.getProperty("suite.jar"), "suite.jar");
        Path suitePom = Processes.existing(System.getProperty("suite.pom"), "suite.pom");
        Processes.Result install = Processes.run(work, Map.of(), Duration.ofMinutes(5), List.of(mvn(), "-B", "-q",
                "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file", "-Dfile=" + suiteJar,
                "-DpomFile=" + suitePom));
        assertThat(install.exitCode()).as(install.output()).isZero();

        Path example = work.resolve("vendor-maven");
        Files.createDirectories(example);
        Files.copy(Path.of(System.getProperty("examples.dir"), "vendor-maven", "pom.xml"), example.resolve("pom.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Processes.Server server = Processes.Server.start()) {
            Processes.Result build = Processes.run(example, Map.of("CONFORMANCE_TOKEN", Processes.TOKEN),
                    Duration.ofMinutes(8), List.of(mvn(), "-B", "verify",
                            "-Dthread-archive-conformance.version=" + System.getProperty("suite.version"),
                            "-Dvendor.target=" + server.apiBase, "-Dvendor.fixtures=" + server.fixtures));

            assertThat(build.exitCode()).as(build.output()).isZero();
            assertThat(build.output()).contains("BUILD SUCCESS");
        }
        Path reports = example.resolve("target/conformance");
        PackagedJarRunnerIT.assertCompleteBundle(reports, true);
        JsonNode summary = PackagedJarRunnerIT.summary(reports);
        assertThat(summary.get("gate").asString()).isEqualTo("pass");
        assertThat(summary.get("exit_code").asInt()).isZero();
        assertThat(summary.get("counts").get("PASS").asInt()).isGreaterThan(20);
        assertThat(summary.get("target_url").asString()).startsWith("http://127.0.0.1:");
        PackagedJarRunnerIT.assertTokenNowhere(example.resolve("target"));
    }

    /** The Maven that runs this build (maven.home is set by Maven for its forks), else mvn on the PATH. */
    static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
