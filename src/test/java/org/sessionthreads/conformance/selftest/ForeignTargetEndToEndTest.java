package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;

/**
 * The suite pointed, with only target, fixtures and token, at a conformant server it did not
 * start and that lacks the optional features (no event stream, Idempotency-Key ignored) passes, with those
 * requirements DISABLED and the reason in the summary; a profile that declares the missing stream ends in one
 * clear ERROR naming it. The server is the reference server in a SEPARATE PROCESS, started the way a user would
 * (its command line, the token in {@code REFERENCE_SERVER_TOKEN}); it is destroyed in {@link #stopServer()}.
 * The suite runs in this JVM through the JUnit launcher, so the run's listeners write the real summary.
 */
class ForeignTargetEndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ServerProcess server;
    private static URI apiBase;
    private static URI fixtures;
    private static String token;

    @BeforeAll
    static void startServer() throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        token = "e2e-" + HexFormat.of().formatHex(random);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = ServerProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, ReferenceServer.class.getName(), "--port", "0",
                "--event-stream", "false", "--idempotency", "false",
                // why: the child must be archived before its pending message is due; on a loaded machine (several
                // JVMs, a second process) the 1 s default was measured too short for MBX-001 once
                "--deliver-after-ms", "3000"), Map.of("REFERENCE_SERVER_TOKEN", token));
        apiBase = URI.create(server.apiBase());
        fixtures = URI.create(server.fixtures());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void only_target_fixtures_and_token_pass_with_the_optional_requirements_disabled(@TempDir Path reports)
            throws IOException {
        JsonNode summary = runSuite(reports, Map.of());

        assertThat(summary.path("gate").asString()).as(problems(summary)).isEqualTo("pass");
        assertThat(summary.path("profile").asString()).contains("profile 'neutral'");
        assertThat(summary.path("counts").path("FAIL").asInt()).as(problems(summary)).isZero();
        assertThat(summary.path("counts").path("ERROR").asInt()).as(problems(summary)).isZero();
        for (String idempotency : List.of("IDEM-001", "IDEM-002")) {
            JsonNode requirement = requirement(summary, idempotency);
            assertThat(requirement.path("verdict").asString()).isEqualTo("DISABLED");
            assertThat(requirement.path("reason").asString()).contains("does not declare idempotency_key");
        }
        List<JsonNode> sseInvocations = scenarios(summary).stream()
                .filter(s -> s.path("name").asString().endsWith("[via sse]")).toList();
        assertThat(sseInvocations).isNotEmpty().allSatisfy(s -> {
            assertThat(s.path("verdict").asString()).isEqualTo("DISABLED");
            assertThat(s.path("reason").asString()).contains("does not offer the sse event channel",
                    "discovery: event_stream ABSENT");
        });
        assertThat(scenarios(summary).stream().filter(s -> s.path("name").asString().endsWith("[via polling]"))
                .map(s -> s.path("verdict").asString())).isNotEmpty().allMatch("PASS"::equals);
        JsonNode discovery = summary.path("discovery");
        assertThat(discovery.path("status").asString()).isEqualTo("ran");
        assertThat(finding(discovery, "event_stream").path("presence").asString()).isEqualTo("ABSENT");
        assertThat(finding(discovery, "idempotency_key").path("observed").asString()).contains("declared-only");
        assertThat(discovery.path("discovered")).isEmpty();
        assertThat(discovery.path("errors")).isEmpty();
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Discovery (ran)")
                .doesNotContain(token);
        assertThat(Files.readString(reports.resolve("summary.json"))).doesNotContain(token);
    }

    @Test
    void a_profile_that_declares_the_missing_stream_ends_in_one_error_naming_it(@TempDir Path reports)
            throws IOException {
        Path profile = reports.resolve("declares-sse.yaml");
        Files.writeString(profile, Files.readString(Path.of("profiles", "neutral.yaml"))
                .replace("event_channels: [polling]", "event_channels: [polling, sse]"));

        JsonNode summary = runSuite(reports, Map.of("conformance.profile", profile.toString()));

        assertThat(summary.path("gate").asString()).isEqualTo("fail");
        List<String> problems = new ArrayList<>();
        summary.path("problems").forEach(p -> problems.add(p.asString()));
        assertThat(problems.get(0)).startsWith("the run could not start: declared capability missing: "
                + "event_channels lists sse, but the target has no event stream: answers 404");
        assertThat(summary.path("discovery").path("errors")).hasSize(1);
        assertThat(summary.path("counts").path("FAIL").asInt()).as("no cascade of FAILs").isZero();
        assertThat(Files.readString(reports.resolve("summary.json"))).doesNotContain(token);
    }

    @Test
    void a_stream_the_neutral_profile_leaves_off_is_discovered_and_its_invocations_run(@TempDir Path reports)
            throws IOException {
        // an in-process server with the stream on; only the event scenarios, to keep the test short
        String streamToken = token + "-stream";
        try (ReferenceServer withStream = ReferenceServer.start(ServerOptions.defaults(streamToken)
                .withDeliverAfter(Duration.ofMillis(3000)))) {
            JsonNode summary = runSuite(reports, withStream.apiBase(), withStream.fixturesUrl(), streamToken,
                    ".*ArchiveEventScenarios", Map.of());

            assertThat(summary.path("gate").asString()).as(problems(summary)).isEqualTo("pass");
            assertThat(summary.path("profile").asString()).contains("profile 'neutral'",
                    "event channels [polling, sse]");
            assertThat(summary.path("discovery").path("discovered")).singleElement()
                    .satisfies(d -> assertThat(d.asString()).startsWith("the sse event channel: answers text/event-stream"));
            List<JsonNode> sse = scenarios(summary).stream()
                    .filter(s -> s.path("name").asString().endsWith("[via sse]")).toList();
            assertThat(sse).isNotEmpty().allSatisfy(s -> assertThat(s.path("verdict").asString()).isEqualTo("PASS"));
        }
    }

    private static JsonNode runSuite(Path reports, Map<String, String> extra) throws IOException {
        return runSuite(reports, apiBase, fixtures, token, ".*Scenarios", extra);
    }

    /** {@code credential} in a file beside the reports: a token is never a -D property or configuration parameter. */
    private static Path tokenFile(Path reports, String credential) throws IOException {
        Files.createDirectories(reports);
        return Files.writeString(reports.resolveSibling(reports.getFileName() + ".token"), credential);
    }

    /** Runs the scenarios against a target with only target, fixtures, token (plus {@code extra}). */
    private static JsonNode runSuite(Path reports, URI target, URI hook, String credential, String classes,
                                     Map<String, String> extra) throws IOException {
        LauncherDiscoveryRequestBuilder request = ConcurrentScenarios.request(classes)
                .configurationParameter("conformance.target", target.toString())
                .configurationParameter("conformance.fixtures", hook.toString())
                .configurationParameter("conformance.token_file", tokenFile(reports, credential).toString())
                .configurationParameter("conformance.reports_dir", reports.toString())
;
        extra.forEach(request::configurationParameter);
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery);
        return JSON.readTree(Files.readString(reports.resolve("summary.json")));
    }

    private static JsonNode requirement(JsonNode summary, String id) {
        for (JsonNode r : summary.path("requirements")) {
            if (r.path("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no requirement " + id + " in the summary");
    }

    private static List<JsonNode> scenarios(JsonNode summary) {
        List<JsonNode> all = new ArrayList<>();
        summary.path("requirements").forEach(r -> r.path("scenarios").forEach(all::add));
        return all;
    }

    private static JsonNode finding(JsonNode discovery, String capability) {
        for (JsonNode f : discovery.path("findings")) {
            if (f.path("capability").asString().equals(capability)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + capability);
    }

    private static String problems(JsonNode summary) {
        StringBuilder text = new StringBuilder(summary.path("problems").toString());
        summary.path("requirements").forEach(r -> {
            if (!List.of("PASS", "DISABLED").contains(r.path("verdict").asString())) {
                text.append('\n').append(r.path("id").asString()).append(' ').append(r.path("verdict").asString())
                        .append(": ").append(r.path("reason").asString());
            }
        });
        return text.toString();
    }
}
