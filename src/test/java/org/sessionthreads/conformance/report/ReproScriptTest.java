package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.report.repro.ReproFiles;
import org.sessionthreads.conformance.report.repro.ReproScript;
import org.sessionthreads.conformance.report.repro.Reproduction;

/**
 * {@code repro/<ID>.sh}, run with bash against a tiny server: it sends exactly the recorded headers (nothing curl
 * adds on its own), the token from {@code $CONFORMANCE_TOKEN} (never from the file), and exits 0 only when the
 * target answers the status the suite judged.
 */
class ReproScriptTest {
    private static final String TOKEN = "ct-repro-script-token";
    private final List<Map<String, List<String>>> seen = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private HttpServer server;
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void should_send_only_the_recorded_headers_with_the_token_from_the_environment() throws Exception {
        String base = serve(200, "{\"status\":\"archived\"}");
        Path script = write(failed("COORD-001", exchange("POST", base + "/prefix/v1/sessions/s/threads/t/archive",
                headers("x-request-id", "conformance-1", "Accept", "application/json", "Authorization",
                        "Bearer " + Secret.MASK), "", 200, true)));

        Result result = bash(script, Map.of("CONFORMANCE_TOKEN", TOKEN));

        assertThat(result.exit()).as(result.out() + "\n" + Files.readString(script)).isZero();
        assertThat(result.out()).contains("{\"status\":\"archived\"}", "HTTP 200 (in the run: 200)");
        Map<String, List<String>> request = seen.get(0);
        assertThat(request.keySet()).containsExactlyInAnyOrder("X-request-id", "Accept", "Authorization", "Host");
        assertThat(request.get("Authorization")).containsExactly("Bearer " + TOKEN);
        assertThat(request.get("Accept")).containsExactly("application/json");
        assertThat(Files.readString(script)).doesNotContain(TOKEN).contains("$CONFORMANCE_TOKEN")
                .contains("/prefix/v1/sessions/s/threads/t/archive");
        assertThat(Files.readString(script).lines()).as("the token reaches curl through a pipe, not its arguments")
                .noneMatch(line -> line.contains("-H 'Authorization") && line.contains("CONFORMANCE_TOKEN"))
                .anyMatch(line -> line.contains("-H @<(printf '%s\\n' 'Authorization: Bearer '"
                        + "\"$CONFORMANCE_TOKEN\"'')"));
    }

    @Test
    void should_exit_1_when_the_target_answers_otherwise_and_refuse_to_run_without_a_token() throws Exception {
        String base = serve(404, "{\"error\":{\"type\":\"not_found_error\"}}");
        Path script = write(failed("COORD-001", exchange("POST", base + "/v1/x", headers("Authorization",
                "Bearer " + Secret.MASK), "", 200, true)));

        assertThat(bash(script, Map.of("CONFORMANCE_TOKEN", TOKEN)).exit()).isEqualTo(1);
        Result noToken = bash(script, Map.of());
        assertThat(noToken.exit()).isNotZero();
        assertThat(noToken.out()).contains("CONFORMANCE_TOKEN");
        assertThat(seen).hasSize(1);
    }

    @Test
    void should_send_a_json_body_without_curls_form_content_type_or_expect() throws Exception {
        String base = serve(409, "{}");
        Path script = write(failed("X-001", exchange("POST", base + "/v1/x", headers("Content-Type",
                "application/json", "Authorization", "Bearer " + Secret.MASK), "{\"it's\":1}", 409, true)));

        assertThat(bash(script, Map.of("CONFORMANCE_TOKEN", TOKEN)).exit()).isZero();
        assertThat(seen.get(0).get("Content-type")).containsExactly("application/json");
        assertThat(seen.get(0).keySet()).doesNotContain("Expect", "User-agent");
        assertThat(bodies).containsExactly("{\"it's\":1}");
    }

    @Test
    void should_ask_for_the_wrong_credential_instead_of_sending_the_token_in_its_place() throws Exception {
        String base = serve(401, "{}");
        Path script = write(failed("AUTH-001", exchange("GET", base + "/v1/x", headers("Authorization",
                "Bearer " + Secret.MASK), "", 401, false)));

        assertThat(bash(script, Map.of("CONFORMANCE_TOKEN", TOKEN)).exit()).isNotZero();
        assertThat(seen).isEmpty();
        assertThat(bash(script, Map.of("CONFORMANCE_TOKEN", TOKEN, "CONFORMANCE_REPRO_CREDENTIAL", "nope")).exit())
                .isZero();
        assertThat(seen.get(0).get("Authorization")).containsExactly("Bearer nope");
    }

    @Test
    void should_name_one_file_per_failed_scenario_of_a_requirement_and_none_for_a_warning_or_a_pass() {
        Exchange e = exchange("GET", "http://127.0.0.1:1/v1/x", Map.of(), "", 200, true);
        ScenarioOutcome first = failed("EVT-001", e);
        ScenarioOutcome second = failed("EVT-001", e);
        RunSummary summary = RunSummary.of(org.sessionthreads.conformance.catalogue.RequirementCatalogue.load(),
                List.of(first, second), new RunSummary.Run("p", "t", "http://127.0.0.1:1/v1", Instant.EPOCH,
                        Instant.EPOCH), 0, 0, RunSummary.Facts.of(""));

        assertThat(ReproFiles.names(summary).values()).containsExactlyInAnyOrder("repro/EVT-001.sh",
                "repro/EVT-001-2.sh");
    }

    @Test
    void should_close_an_event_stream_after_a_while() throws Exception {
        Exchange stream = exchange("GET", "http://127.0.0.1:1/v1/sessions/s/events/stream", headers("Accept",
                "text/event-stream", "Authorization", "Bearer " + Secret.MASK), "", 200, true);

        assertThat(ReproScript.script("EVT-001", failed("EVT-001", stream))).contains("--max-time 15");
        assertThat(ReproScript.script("EVT-001", failed("EVT-001", exchange("GET", "http://127.0.0.1:1/v1/x",
                Map.of(), "", 200, true)))).doesNotContain("--max-time");
    }

    @Test
    void should_say_in_the_summary_that_a_failed_scenarios_fixtures_were_released_by_default() throws Exception {
        Exchange e = exchange("POST", "http://127.0.0.1:1/v1/x", Map.of(), "", 200, true);
        ScenarioOutcome released = new ScenarioOutcome("COORD-001", "COORD-001 scenario", Verdict.FAIL, true, "why",
                Duration.ZERO, "", List.of(), new Reproduction(e, Reproduction.Fixtures.RELEASED, List.of()));
        RunSummary summary = RunSummary.of(org.sessionthreads.conformance.catalogue.RequirementCatalogue.load(),
                List.of(released), new RunSummary.Run("p", "t", "http://127.0.0.1:1/v1", Instant.EPOCH,
                        Instant.EPOCH), 0, 0, RunSummary.Facts.of(""));

        assertThat(SummaryMarkdown.markdown(summary, new BuildInfo("1.0", "abc"))).contains(
                "or run `bash repro/COORD-001.sh`); its fixtures were released at the end of the run");
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                SummaryJson.of(RunReport.of(summary, new BuildInfo("1.0", "abc"))));
        assertThat(json).contains("\"reproduction\":{\"file\":\"repro/COORD-001.sh\",\"fixtures\":\"released\","
                + "\"kept_sessions\":[]}");
    }

    private Path write(ScenarioOutcome outcome) throws IOException {
        Path script = dir.resolve("repro.sh");
        Files.writeString(script, ReproScript.script(outcome.requirement(), outcome));
        return script;
    }

    private static ScenarioOutcome failed(String id, Exchange exchange) {
        return new ScenarioOutcome(id, id + " scenario", Verdict.FAIL, true, "why", Duration.ZERO, "", List.of(),
                new Reproduction(exchange, Reproduction.Fixtures.KEPT, List.of("sess_a")));
    }

    private static Exchange exchange(String method, String url, Map<String, List<String>> headers, String body,
                                     int status, boolean profileToken) {
        return new Exchange(method, url, headers, body, status, Map.of(), "{\"judged\":true}", Instant.EPOCH,
                Duration.ofMillis(1), "conformance-1", null, profileToken);
    }

    private static Map<String, List<String>> headers(String... nameValue) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            headers.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return headers;
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (seen) {
                seen.add(new LinkedHashMap<>(exchange.getRequestHeaders()));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private record Result(int exit, String out) {
    }

    private static Result bash(Path script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().remove("CONFORMANCE_TOKEN");
        builder.environment().remove("CONFORMANCE_REPRO_CREDENTIAL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }
}
