package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.client.ApiClient;
import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.client.sse.SseClient;
import org.sessionthreads.conformance.config.ProfileLoader;
import org.sessionthreads.conformance.config.Redactor;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.discovery.Discover;
import org.sessionthreads.conformance.discovery.Discovery;
import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.discovery.Finding;
import org.sessionthreads.conformance.discovery.Presence;
import org.sessionthreads.conformance.fixture.ledger.FixtureLedger;
import org.sessionthreads.conformance.refserver.ReferenceServer;
import org.sessionthreads.conformance.refserver.ServerOptions;

/**
 * Discovery against reference servers with features switched on and off: what it sees, the one error for a
 * declared capability the target lacks, hints, the adopted stream, {@code discovery: false}, and the discover
 * command's starter profile (loads, no token).
 */
class DiscoveryTest {
    private static final String TOKEN = "discovery-test-token-9f3c21";

    @TempDir
    Path dir;

    @Test
    void sees_everything_the_full_server_offers_and_adopts_the_stream_for_a_neutral_profile() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN))) {
            TargetProfile neutral = load(server, Map.of());
            AtomicInteger exchanges = new AtomicInteger();

            DiscoveryReport report = discover(server, neutral, exchanges);

            assertThat(presence(report, "auth.missing_token")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "auth.wrong_token")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "fixture_hook")).isEqualTo(Presence.PRESENT);
            assertThat(finding(report, "fixture_hook.kinds").observed()).contains("idle_child", "waiting_coordinator");
            assertThat(presence(report, "public_api")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "event_list")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "event_list.paging")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "event_stream")).isEqualTo(Presence.PRESENT);
            assertThat(presence(report, "idempotency_key")).isEqualTo(Presence.UNKNOWN);
            assertThat(report.errors()).isEmpty();
            assertThat(report.discovered()).singleElement().asString().startsWith("the sse event channel");
            assertThat(report.effective().capabilities().eventChannels()).containsExactly("polling", "sse");
            assertThat(report.effective().capabilities().idempotencyKey()).as("never adopted").isFalse();
            assertThat(exchanges.get()).as("a short probe").isBetween(8, 14);
        }
    }

    @Test
    void without_adoption_a_shown_stream_is_a_hint_and_the_profile_stays_as_declared() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN))) {
            TargetProfile profile = load(server, Map.of("conformance.discover_capabilities", "false",
                    "conformance.fixture_strategies", "hook"));

            DiscoveryReport report = discover(server, profile, new AtomicInteger());

            assertThat(report.discovered()).isEmpty();
            assertThat(report.effective()).isSameAs(profile);
            assertThat(report.hints()).anySatisfy(h -> assertThat(h).contains("add sse to event_channels"))
                    .anySatisfy(h -> assertThat(h).contains("public creation API"));
        }
    }

    @Test
    void a_declared_stream_the_server_lacks_is_one_error_naming_it() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withEventStream(false))) {
            TargetProfile profile = load(server, Map.of("conformance.event_channels", "polling,sse"));

            DiscoveryReport report = discover(server, profile, new AtomicInteger());

            assertThat(presence(report, "event_stream")).isEqualTo(Presence.ABSENT);
            assertThat(report.errors()).singleElement().asString()
                    .startsWith("event_channels lists sse, but the target has no event stream: answers 404");
            assertThat(report.stopLine()).get().asString().startsWith("declared capability missing: event_channels");
        }
    }

    @Test
    void a_hook_only_profile_against_a_server_without_hook_is_one_error() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withFixtureHook(false))) {
            TargetProfile profile = load(server, Map.of("conformance.fixture_strategies", "hook"));

            DiscoveryReport report = discover(server, profile, new AtomicInteger());

            assertThat(presence(report, "fixture_hook")).isEqualTo(Presence.ABSENT);
            assertThat(report.errors()).singleElement().asString()
                    .startsWith("fixture_strategies is [hook] only, but the target has no fixture hook");
            assertThat(presence(report, "event_stream")).as("no session to probe with: not guessed")
                    .isEqualTo(Presence.UNKNOWN);
        }
    }

    @Test
    void a_refused_token_is_the_one_line_that_stops_the_run() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults("another-token-77d0e2"))) {
            TargetProfile profile = load(server, Map.of("conformance.event_channels", "polling,sse"));

            DiscoveryReport report = discover(server, profile, new AtomicInteger());

            assertThat(presence(report, "auth.profile_token")).isEqualTo(Presence.ABSENT);
            assertThat(report.stopLine()).get().asString()
                    .startsWith("the target refuses the profile's token (GET " + server.apiBase())
                    .contains("→ 401").endsWith("): check the token").doesNotContain(TOKEN);
            assertThat(report.lines()).contains("discovery ERROR: " + report.stopLine().get());
        }
    }

    @Test
    void a_server_without_hook_and_public_api_shows_neither() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withFixtureHook(false)
                .withPublicApi(false))) {
            TargetProfile profile = load(server, Map.of("conformance.fixture_strategies", "hook,api"));

            DiscoveryReport report = discover(server, profile, new AtomicInteger());

            assertThat(presence(report, "fixture_hook")).isEqualTo(Presence.ABSENT);
            assertThat(presence(report, "public_api")).isEqualTo(Presence.ABSENT);
            assertThat(presence(report, "auth.profile_token")).isEqualTo(Presence.PRESENT);
            assertThat(report.stopLine()).as("two strategies: neither is the only one").isEmpty();
        }
    }

    @Test
    void discovery_false_sends_nothing_and_trusts_the_profile() {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withEventStream(false))) {
            TargetProfile profile = load(server, Map.of("conformance.discovery", "false",
                    "conformance.event_channels", "polling,sse"));
            AtomicInteger exchanges = new AtomicInteger();

            DiscoveryReport report = discover(server, profile, exchanges);

            assertThat(report.ran()).isFalse();
            assertThat(report.errors()).isEmpty();
            assertThat(exchanges.get()).isZero();
        }
    }

    @Test
    void the_discover_command_prints_findings_and_writes_a_starter_profile_that_loads(@TempDir Path profiles)
            throws IOException {
        try (ReferenceServer server = ReferenceServer.start(ServerOptions.defaults(TOKEN).withEventStream(false))) {
            Path output = profiles.resolve("discovered.yaml");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int code = Discover.run(loader(server, Map.of()), output,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isZero();
            assertThat(text).contains("event_stream: ABSENT", "fixture_hook: PRESENT", "starter profile written to")
                    .doesNotContain(TOKEN);
            String yaml = Files.readString(output);
            assertThat(yaml).doesNotContain(TOKEN).contains("event_channels: [polling]");
            Map<String, String> properties = new HashMap<>();
            properties.put("conformance.profile", output.toString());
            properties.put("conformance.token_file", tokenFile().toString());
            properties.put("conformance.reports_dir", dir.toString());
            TargetProfile loaded = new ProfileLoader(properties, Map.of(), Path.of("profiles")).load();
            assertThat(loaded.target()).contains(server.apiBase());
            assertThat(loaded.fixtures()).contains(server.fixturesUrl());
            assertThat(loaded.fixtureStrategies()).containsExactly("hook", "api", "preprovisioned");
            assertThat(loaded.capabilities().eventChannels()).containsExactly("polling");
            assertThat(loaded.capabilities().idempotencyKey()).isFalse();
            assertThat(loaded.timeouts().event()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    /** The token in a file of the test's folder: a token is never a -D property or configuration parameter. */
    private Path tokenFile() {
        Path file = dir.resolve("token");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, TOKEN);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private ProfileLoader loader(ReferenceServer server, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(settings);
        properties.put("conformance.target", server.apiBase().toString());
        properties.put("conformance.fixtures", server.fixturesUrl().toString());
        properties.put("conformance.token_file", tokenFile().toString());
        properties.put("conformance.reports_dir", dir.toString());
        return new ProfileLoader(properties, Map.of(), Path.of("profiles"));
    }

    private TargetProfile load(ReferenceServer server, Map<String, String> settings) {
        return loader(server, settings).load();
    }

    private static DiscoveryReport discover(ReferenceServer server, TargetProfile profile, AtomicInteger exchanges) {
        Secret token = Secret.of(TOKEN);
        Redactor redactor = new Redactor(List.of(token));
        ApiClient client = new ApiClient(token, Duration.ofSeconds(10), redactor, e -> exchanges.incrementAndGet());
        SseClient streams = new SseClient(token, Duration.ofSeconds(10), redactor, e -> exchanges.incrementAndGet());
        return Discovery.run(profile, new DiscoveryRequests(client, streams, server.apiBase()),
                Optional.of(new FixtureHook(client, server.fixturesUrl())),
                FixtureLedger.forRun(profile, Optional.of(server.fixturesUrl()), Optional.of(server.apiBase())));
    }

    private static Finding finding(DiscoveryReport report, String capability) {
        return report.findings().stream().filter(f -> f.capability().equals(capability)).findFirst().orElseThrow();
    }

    private static Presence presence(DiscoveryReport report, String capability) {
        return finding(report, capability).presence();
    }
}
