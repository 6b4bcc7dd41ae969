package org.sessionthreads.conformance.refserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.sessionthreads.conformance.config.EmbeddedTarget;

class ReferenceServerOptionsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void should_apply_profile_options() {
        ServerOptions options = RefClient.options().withOptions(Map.of(
                "faults", "lenient_auth, no-terminated-event", "variations", "rearchive_conflict",
                "deliver_after_ms", "300", "heartbeat_ms", "1000"));

        assertThat(options.faults()).containsExactlyInAnyOrder(Fault.LENIENT_AUTH, Fault.NO_TERMINATED_EVENT);
        assertThat(options.rearchive()).isEqualTo(RearchiveMode.CONFLICT);
        assertThat(options.deliverAfter()).isEqualTo(Duration.ofMillis(300));
        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_reject_unknown_keys_faults_and_bad_values() {
        ServerOptions options = RefClient.options();

        assertThatThrownBy(() -> options.withOption("fault", "X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown reference server option 'fault'").hasMessageContaining("faults");
        assertThatThrownBy(() -> options.withOption("faults", "NOPE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown fault 'NOPE'").hasMessageContaining("RACY_ARCHIVE");
        assertThatThrownBy(() -> options.withOption("deliver_after_ms", "299"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 300");
        assertThatThrownBy(() -> options.withOption("rearchive", "conflict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown reference server option 'rearchive'")
                .hasMessageContaining("use variations: REARCHIVE_CONFLICT");
        assertThatThrownBy(() -> options.withOption("heartbeat_ms", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat_ms");
    }

    @Test
    void should_never_show_the_token_in_options() {
        assertThat(RefClient.options().toString()).doesNotContain(RefClient.TOKEN).contains("token=***");
    }

    @Test
    void should_be_found_as_the_reference_embedded_target() {
        EmbeddedTarget target = ServiceLoader.load(EmbeddedTarget.class).stream().map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.name().equals("reference")).findFirst().orElseThrow();

        try (EmbeddedTarget.Running running = target.start(RefClient.TOKEN, Map.of("variations", "rearchive_conflict"))) {
            assertThat(running.apiBase().toString()).matches("http://127\\.0\\.0\\.1:\\d+/v1");
            assertThat(running.fixturesUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/_fixtures");
        }
        assertThatThrownBy(() -> target.start(RefClient.TOKEN, Map.of("colour", "blue")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_print_help_and_exit_0() {
        CommandLine.Launch launch = commandLine(Map.of()).launch(new String[] {"--help"});

        assertThat(launch.exitCode()).isZero();
        assertThat(launch.server()).isNull();
        assertThat(text(out)).contains("--port", "--fault", "--token-env", "REFERENCE_SERVER_TOKEN");
    }

    @Test
    void should_refuse_bad_options_with_one_line_and_exit_2() {
        Map<String, String> env = Map.of("REFERENCE_SERVER_TOKEN", RefClient.TOKEN);

        assertThat(commandLine(env).launch(new String[] {"--bogus", "1"}).exitCode()).isEqualTo(2);
        assertThat(commandLine(env).launch(new String[] {"--port"}).exitCode()).isEqualTo(2);
        assertThat(commandLine(env).launch(new String[] {"--fault", "NOPE"}).exitCode()).isEqualTo(2);
        assertThat(commandLine(Map.of()).launch(new String[0]).exitCode()).isEqualTo(2);
        assertThat(text(err).lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("reference server: "));
        assertThat(text(err)).contains("REFERENCE_SERVER_TOKEN is not set");
    }

    @Test
    void should_print_the_listening_line_without_the_token() {
        Map<String, String> env = Map.of("MY_TOKEN", RefClient.TOKEN);

        CommandLine.Launch launch = commandLine(env).launch(new String[] {
                "--port", "0", "--token-env", "MY_TOKEN", "--fault", "LENIENT_AUTH", "--variation=REARCHIVE_CONFLICT"});

        try (ReferenceServer server = launch.server()) {
            int port = server.port();
            assertThat(text(out)).isEqualTo("reference server listening on http://127.0.0.1:" + port
                    + "/v1 (fixtures at http://127.0.0.1:" + port + "/_fixtures); faults [LENIENT_AUTH], variations"
                    + " [REARCHIVE_CONFLICT]" + System.lineSeparator());
            assertThat(new RefClient(server).send("GET", "/v1/sessions/x/threads", null,
                    "Authorization", "Bearer other").status()).isEqualTo(404);
        }
        assertThat(text(out) + text(err)).doesNotContain(RefClient.TOKEN);
    }

    @Test
    void should_describe_every_fault_and_variation_in_the_help() {
        assertThat(commandLine(Map.of()).launch(new String[] {"--help"}).exitCode()).isZero();
        for (Fault fault : Fault.values()) {
            assertThat(text(out).lines().filter(line -> line.startsWith("  " + fault.name() + " ")))
                    .as(fault.name()).singleElement().asString().matches("  " + fault.name() + " +\\S.*");
        }
        for (Variation variation : Variation.values()) {
            assertThat(text(out)).containsPattern("(?m)^  " + variation.name() + " +\\S");
        }
        assertThat(text(out)).contains("COORDINATOR_ARCHIVABLE", "Archiving the coordinator succeeds instead of"
                + " answering 409.");
    }

    private CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
