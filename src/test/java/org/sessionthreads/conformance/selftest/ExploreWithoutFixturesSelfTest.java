package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.runner.Main;

/**
 * {@code explore} against a target that offers no fixture (no hook, no public-API prompts): exploration judged no
 * sequence, so every requirement it judges is UNTESTABLE with the reason (the bystander could not be made, and why),
 * never PASS and never a harness error; exit 0 outside certify mode, 3 in it.
 */
class ExploreWithoutFixturesSelfTest {
    private static final String TOKEN = "explore-nofixture-token-51c2";
    @TempDir
    Path dir;

    @Test
    void exploration_without_fixtures_is_untestable_and_says_why() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN)
                .withOption(ServerOptions.FIXTURE_HOOK, "false"))) {
            for (boolean certify : new boolean[]{false, true}) {
                Path reports = dir.resolve("reports-" + certify);
                int code = Main.execute(new String[]{"explore", "--target", server.apiBase().toString(),
                        "--token-file", token.toString(), "--reports", reports.toString(), "--set",
                        "certify=" + certify, "--set", "discovery=false", "--no-progress"});

                assertThat(code).as("certify " + certify).isEqualTo(certify ? 3 : 0);
                String summary = Files.readString(reports.resolve("summary.md"));
                assertThat(summary).contains("| ARCH-004 | MUST | The archived state is stored | UNTESTABLE |")
                        .contains("exploration judged no sequence").contains("could not be made")
                        .contains("no fixture strategy could provide idle_child")
                        .doesNotContain("Failed to resolve parameter");
            }
        }
    }
}
