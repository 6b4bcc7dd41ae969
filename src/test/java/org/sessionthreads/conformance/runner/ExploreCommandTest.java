package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.sessionthreads.conformance.report.ExitStatus;

/** {@code explore}: its help, and the refusals that end it before any request, each leaving a bundle. */
class ExploreCommandTest {
    @TempDir
    Path dir;

    @Test
    void should_document_the_exploration_settings_the_target_options_and_the_exit_codes() {
        String help = new CommandLine(new Main()).getSubcommands().get("explore").getUsageMessage();

        assertThat(help).contains("Usage: conformance explore", "explore.depth", "explore.budget",
                "explore.clients", "--target", "--fixtures", "--profile", "--token-file", "--set", "--reports",
                "--baseline", "Exit codes (as run):", "4  nothing ran")
                .doesNotContain("--only", "--rerun-failed", "--fail-fast");
        assertThat(new CommandLine(new Main()).getUsageMessage()).contains("explore");
    }

    @Test
    void should_refuse_to_explore_with_exploration_switched_off_before_any_request() throws IOException {
        Path reports = dir.resolve("reports");

        int code = Main.execute("explore", "--reports", reports.toString(), "--set", "explore.enabled=false");

        assertThat(code).isEqualTo(ExitStatus.USAGE);
        assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0))
                .startsWith("**Exit code 2: usage or configuration error: explore runs exploration");
    }

    @Test
    void should_write_the_bundle_of_a_bad_option_and_refuse_a_token_like_run() throws IOException {
        Path reports = dir.resolve("bad-option");
        assertThat(Main.execute("explore", "--reports", reports.toString(), "--only", "ARCH-001"))
                .isEqualTo(ExitStatus.USAGE);
        assertThat(Files.readAllLines(reports.resolve("summary.md")).get(0)).startsWith("**Exit code 2:")
                .contains("--only");

        Path token = dir.resolve("token");
        assertThat(Main.execute("explore", "--reports", token.toString(), "--set", "token=s3cr3t"))
                .isEqualTo(ExitStatus.USAGE);
        assertThat(Files.readString(token.resolve("summary.md"))).contains("--token is refused")
                .doesNotContain("s3cr3t");
    }
}
