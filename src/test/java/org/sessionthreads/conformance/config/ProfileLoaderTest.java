package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    @TempDir
    Path dir;

    @Test
    void should_load_the_shipped_reference_profile_with_its_defaults() {
        TargetProfile profile = new ProfileLoader(Map.of(), Map.of(), Path.of("profiles")).load();

        assertThat(profile.name()).isEqualTo("reference");
        assertThat(profile.target()).isEmpty();
        assertThat(profile.embedded()).isEqualTo("reference");
        assertThat(profile.fixtureStrategies()).containsExactly("hook");
        assertThat(profile.timeouts().event()).isEqualTo(Duration.ofSeconds(10));
        assertThat(profile.readings().archivedStatus()).isEqualTo("archived");
        assertThat(profile.token()).isEmpty();
        assertThat(profile.timeouts().eventExpected()).isEqualTo(Duration.ofSeconds(2));
        assertThat(profile.capabilities().eventChannels()).containsExactly("polling", "sse");
        assertThat(profile.capabilities().idempotencyKey()).isTrue();
        assertThat(profile.race()).isEqualTo(new TargetProfile.Race(8, 3));
    }

    @Test
    void should_choose_the_neutral_profile_when_only_a_target_is_given() {
        TargetProfile profile = new ProfileLoader(Map.of("conformance.target", "http://127.0.0.1:9/v1"), Map.of(),
                Path.of("profiles")).load();

        assertThat(profile.name()).isEqualTo("neutral");
        assertThat(profile.strictShould()).isFalse();
        assertThat(profile.capabilities().idempotencyKey()).isFalse();
        assertThat(profile.capabilities().eventChannels()).containsExactly("polling");
    }

    @Test
    void should_default_to_polling_only_without_idempotency_and_races_of_eight_three_times() throws IOException {
        write("bare", "description: nothing but defaults\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "bare"), Map.of(), dir).load();

        assertThat(profile.capabilities().eventChannels()).containsExactly("polling");
        assertThat(profile.capabilities().idempotencyKey()).isFalse();
        assertThat(profile.race()).isEqualTo(new TargetProfile.Race(8, 3));
        assertThat(profile.timeouts().eventExpected()).isEqualTo(Duration.ofSeconds(2));
        assertThat(profile.describe()).contains("event channels [polling]");
    }

    @Test
    void should_take_event_channels_capabilities_and_race_settings_from_overrides() {
        Map<String, String> env = Map.of("CONFORMANCE_EVENT_CHANNELS", "sse", "CONFORMANCE_RACE_REQUESTS", "3");
        Map<String, String> props = Map.of("conformance.capabilities.idempotency_key", "false",
                "conformance.race.repetitions", "1", "conformance.timeouts.event_expected", "500ms");

        TargetProfile profile = new ProfileLoader(props, env, Path.of("profiles")).load();

        assertThat(profile.capabilities().eventChannels()).containsExactly("sse");
        assertThat(profile.capabilities().idempotencyKey()).isFalse();
        assertThat(profile.race()).isEqualTo(new TargetProfile.Race(3, 1));
        assertThat(profile.timeouts().eventExpected()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void should_never_expect_the_event_later_than_its_hard_limit() {
        TargetProfile profile = new ProfileLoader(Map.of("conformance.timeouts.event", "250ms"), Map.of(),
                Path.of("profiles")).load();

        assertThat(profile.timeouts().eventExpected()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void should_read_concurrency_and_the_caps_and_refuse_a_cap_a_race_cannot_fit_in() throws IOException {
        write("polite", "concurrency: 3\nlimits:\n  in_flight: 9\n  rate: 15\n");
        write("narrow", "limits:\n  in_flight: 4\n");
        write("serial", "concurrency: 0\n");

        TargetProfile polite = new ProfileLoader(Map.of("conformance.profile", "polite"), Map.of(), dir).load();
        assertThat(polite.concurrency()).isEqualTo(3);
        assertThat(polite.transportLimits().inFlight()).isEqualTo(9);
        assertThat(polite.transportLimits().ratePerSecond()).isEqualTo(15);
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "narrow"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("limits.in_flight (4) must be at least race.requests (8)");
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "serial"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("concurrency must be a whole number of at least 1; got '0'");
    }

    @Test
    void should_name_an_unknown_event_channel_and_a_race_too_small() throws IOException {
        write("webhook", "event_channels: [polling, webhook]\n");
        write("tiny", "race:\n  requests: 1\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "webhook"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("event_channels may list [polling, sse]")
                .hasMessageContaining("'webhook'");
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "tiny"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("race.requests must be a whole number of at least 2; got '1'");
    }

    @Test
    void should_let_a_property_beat_the_environment_and_the_environment_beat_the_file() throws IOException {
        write("p", "timeouts:\n  event: 3s\n  quiet: 2s\n");
        Map<String, String> env = Map.of("CONFORMANCE_TIMEOUTS_EVENT", "4s", "CONFORMANCE_TIMEOUTS_QUIET", "5s");
        Map<String, String> props = Map.of("conformance.profile", "p", "conformance.timeouts.event", "250ms");

        TargetProfile profile = new ProfileLoader(props, env, dir).load();

        assertThat(profile.timeouts().event()).isEqualTo(Duration.ofMillis(250));
        assertThat(profile.timeouts().quiet()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void should_point_at_a_remote_target_and_read_the_token_from_the_named_variable() throws IOException {
        write("remote", "target: https://api.example.test/api/v1/cloud/\ntoken_env: MY_PAT\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "remote"),
                Map.of("MY_PAT", "pt-secret"), dir).load();

        assertThat(profile.target()).hasValueSatisfying(uri ->
                assertThat(uri.toString()).isEqualTo("https://api.example.test/api/v1/cloud"));
        assertThat(profile.token()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("pt-secret"));
        assertThat(profile.describe()).doesNotContain("pt-secret").contains(Secret.MASK);
    }

    @Test
    void should_take_embedded_options_from_overrides() {
        TargetProfile profile = new ProfileLoader(Map.of("conformance.embedded_options.faults", "LENIENT_AUTH"),
                Map.of("CONFORMANCE_EMBEDDED_OPTIONS_DELIVER_AFTER_MS", "300"), Path.of("profiles")).load();

        assertThat(profile.embeddedOptions()).containsEntry("faults", "LENIENT_AUTH")
                .containsEntry("deliver_after_ms", "300");
    }

    @Test
    void should_refuse_a_token_in_a_profile_file() throws IOException {
        write("leaky", "token: pt-oops\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "leaky"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("tokens never go in a profile")
                .hasMessageNotContaining("pt-oops");
    }

    @Test
    void should_name_unknown_settings_and_bad_values() throws IOException {
        write("typo", "timeouts:\n  evnet: 3s\n");
        write("bad", "timeouts:\n  event: soon\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "typo"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("[timeouts.evnet]");
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "bad"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("timeouts.event must be a duration");
    }

    @Test
    void should_load_the_reference_api_profile_with_prompts_for_every_kind_and_the_hook_off() {
        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "reference-api"), Map.of(),
                Path.of("profiles")).load();

        assertThat(profile.fixtureStrategies()).containsExactly("api");
        assertThat(profile.embeddedOptions()).containsEntry("fixture_hook", "false");
        assertThat(profile.certify()).isTrue();
        assertThat(profile.fixtureSettings().prompt("waiting_coordinator"))
                .hasValueSatisfying(text -> assertThat(text).contains("delegate and wait"));
        assertThat(profile.fixtureSettings().deliverAfter()).contains(Duration.ofSeconds(1));
        assertThat(profile.fixtureSettings().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void should_default_to_no_prompts_no_pools_a_generous_fixture_timeout_and_the_ledger_under_reports() {
        TargetProfile profile = new ProfileLoader(Map.of(), Map.of(), Path.of("profiles")).load();

        TargetProfile.FixtureSettings fixtures = profile.fixtureSettings();
        assertThat(fixtures.prompt("idle_child")).isEmpty();
        assertThat(fixtures.pool("idle_child")).isEmpty();
        assertThat(fixtures.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(fixtures.agentModel()).isEqualTo("ultimate");
        assertThat(fixtures.environmentId()).isEmpty();
        assertThat(fixtures.deliverAfter()).isEmpty();
        assertThat(fixtures.ledger()).isEqualTo(Path.of("reports", "fixture-ledger.jsonl"));
    }

    @Test
    void should_read_pools_as_lists_and_prompts_and_the_reports_dir_from_overrides() throws IOException {
        write("pooled", "pools:\n  idle_child: [sess_a/sthr_b, sess_c/sthr_d/sthr_e]\n"
                + "api:\n  environment_id: env_1\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "pooled",
                "conformance.api.prompts.running_child", "delegate running",
                "conformance.reports_dir", "build/out"), Map.of("CONFORMANCE_POOLS_RUNNING_CHILD", "sess_x/sthr_y"),
                dir).load();

        assertThat(profile.fixtureSettings().pool("idle_child")).containsExactly("sess_a/sthr_b", "sess_c/sthr_d/sthr_e");
        assertThat(profile.fixtureSettings().pool("running_child")).containsExactly("sess_x/sthr_y");
        assertThat(profile.fixtureSettings().prompt("running_child")).contains("delegate running");
        assertThat(profile.fixtureSettings().environmentId()).contains("env_1");
        assertThat(profile.fixtureSettings().ledger()).isEqualTo(Path.of("build/out", "fixture-ledger.jsonl"));
    }

    @Test
    void should_refuse_a_reports_dir_and_a_pool_of_pending_messages_in_a_profile_file() throws IOException {
        write("reports", "reports_dir: elsewhere\n");
        write("pending", "pools:\n  child_with_pending_message: [sess_a/sthr_b]\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "reports"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("reports_dir");
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "pending"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("pools.child_with_pending_message");
    }

    @Test
    void should_say_which_profile_is_missing() {
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "nope"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("profile 'nope' not found");
    }

    @Test
    void should_reject_a_target_that_is_not_an_http_url() {
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.target", "ftp://x/v1"), Map.of(),
                Path.of("profiles")).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("target must be an http(s) URL");
    }

    @Test
    void should_let_a_child_override_its_parent_along_an_extends_chain() throws IOException {
        write("base", "description: base\ntimeouts:\n  event: 3s\n  quiet: 2s\nstrict: true\n");
        write("middle", "extends: base\ntimeouts:\n  quiet: 4s\n");
        write("leaf", "extends: middle\nstrict: false\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "leaf"), Map.of(), dir).load();

        assertThat(profile.name()).isEqualTo("leaf");
        assertThat(profile.timeouts().event()).isEqualTo(Duration.ofSeconds(3));
        assertThat(profile.timeouts().quiet()).isEqualTo(Duration.ofSeconds(4));
        assertThat(profile.strictShould()).isFalse();
        assertThat(source(profile, "timeouts.event")).isEqualTo("profile base via leaf → middle → base");
        assertThat(source(profile, "timeouts.quiet")).isEqualTo("profile middle via leaf → middle");
        assertThat(source(profile, "strict")).isEqualTo("profile leaf");
        assertThat(value(profile, "extends")).isEqualTo("middle → base");
    }

    @Test
    void should_name_every_profile_of_an_extends_cycle() throws IOException {
        write("a", "extends: b\n");
        write("b", "extends: c\n");
        write("c", "extends: a\n");
        write("self", "extends: self\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "a"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("profile 'a' extends itself: a → b → c → a");
        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "self"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("self → self");
    }

    @Test
    void should_say_which_parent_is_missing() throws IOException {
        write("orphan", "extends: nowhere\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "orphan"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("profile 'nowhere' not found")
                .hasMessageContaining("classpath:profiles/nowhere.yaml");
    }

    @Test
    void should_resolve_a_path_in_extends_beside_the_extending_file() throws IOException {
        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/base.yaml"), "timeouts:\n  event: 7s\n");
        Files.writeString(dir.resolve("team/staging.yaml"), "extends: ./base.yaml\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile",
                dir.resolve("team/staging.yaml").toString()), Map.of(), dir.resolve("elsewhere")).load();

        assertThat(profile.timeouts().event()).isEqualTo(Duration.ofSeconds(7));
        assertThat(profile.waivers()).isEqualTo(dir.resolve("team/staging.waivers.yaml"));
    }

    @Test
    void should_find_the_shipped_profiles_on_the_classpath_when_no_disk_copy_exists() throws IOException {
        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "reference-api"), Map.of(),
                dir.resolve("no-profiles-here")).load();

        assertThat(profile.name()).isEqualTo("reference-api");
        assertThat(profile.strictShould()).isTrue();
        assertThat(value(profile, "profile")).isEqualTo("reference-api (classpath:profiles/reference-api.yaml)");
        assertThat(profile.waivers()).isEqualTo(dir.resolve("no-profiles-here").resolve("reference-api.waivers.yaml"));
        assertThat(source(profile, "waivers")).contains("is on the classpath");
    }

    @Test
    void should_prefer_a_disk_profile_over_the_shipped_one_also_as_a_parent() throws IOException {
        write("reference", "description: my local reference\nstrict: false\n");
        write("child", "extends: reference\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "child"), Map.of(), dir).load();

        assertThat(profile.description()).isEqualTo("my local reference");
        assertThat(profile.strictShould()).isFalse();
    }

    @Test
    void should_keep_reference_strict_with_everything_on_and_reference_api_its_child() {
        TargetProfile reference = new ProfileLoader(Map.of(), Map.of(), Path.of("profiles")).load();
        TargetProfile api = new ProfileLoader(Map.of("conformance.profile", "reference-api"), Map.of(),
                Path.of("profiles")).load();

        for (TargetProfile profile : java.util.List.of(reference, api)) {
            assertThat(profile.strictShould()).isTrue();
            assertThat(profile.capabilities().idempotencyKey()).isTrue();
            assertThat(profile.capabilities().eventChannels()).containsExactly("polling", "sse");
            assertThat(profile.timeouts()).isEqualTo(reference.timeouts());
        }
        assertThat(value(api, "extends")).isEqualTo("reference");
        assertThat(source(api, "strict")).isEqualTo("profile reference via reference-api → reference");
    }

    @Test
    void should_gate_on_auth_002_in_the_neutral_profile_only() {
        TargetProfile neutral = new ProfileLoader(Map.of("conformance.profile", "neutral"), Map.of(),
                Path.of("profiles")).load();
        TargetProfile bare = new ProfileLoader(Map.of(), Map.of(), Path.of("profiles")).load();

        assertThat(neutral.gateShould()).containsExactly("AUTH-002");
        assertThat(neutral.gatesOnShould("AUTH-002")).isTrue();
        assertThat(neutral.gatesOnShould("EVT-004")).isFalse();
        assertThat(bare.gateShould()).isEmpty();
        assertThat(bare.gatesOnShould("EVT-004")).isTrue(); // reference is strict
    }

    @Test
    void should_record_where_every_setting_came_from() throws IOException {
        write("p", "timeouts:\n  event: 3s\n");
        Map<String, String> parameters = Map.of("conformance.race.requests", "4");
        Map<String, String> properties = Map.of("conformance.profile", "p", "conformance.race.requests", "5",
                "conformance.timeouts.quiet", "250ms");
        Map<String, String> env = Map.of("CONFORMANCE_RACE_REPETITIONS", "2", "CONFORMANCE_TOKEN", "ct-provenance");

        TargetProfile profile = new ProfileLoader(parameters, properties, env, dir,
                ProfileLoader.class.getClassLoader()).load();

        assertThat(profile.race()).isEqualTo(new TargetProfile.Race(4, 2));
        assertThat(source(profile, "profile")).isEqualTo("system property conformance.profile");
        assertThat(source(profile, "race.requests")).isEqualTo("JUnit configuration parameter conformance.race.requests");
        assertThat(source(profile, "timeouts.quiet")).isEqualTo("system property conformance.timeouts.quiet");
        assertThat(source(profile, "race.repetitions")).isEqualTo("environment variable CONFORMANCE_RACE_REPETITIONS");
        assertThat(source(profile, "timeouts.event")).isEqualTo("profile p");
        assertThat(source(profile, "timeouts.request")).isEqualTo("default");
        assertThat(value(profile, "token")).isEqualTo("(masked)");
        assertThat(source(profile, "token")).isEqualTo("environment variable CONFORMANCE_TOKEN");
        assertThat(profile.effective().entries()).extracting(EffectiveSettings.Entry::key)
                .contains("profile", "token", "token_file", "gate_should", "strict")
                .containsAll(Settings.DEFAULTS.keySet());
        assertThat(String.join("\n", profile.effective().lines()))
                .contains("JUnit configuration parameter conformance.race.requests: race.requests=4")
                .contains("profile p: timeouts.event=3s")
                .contains("token: (masked)  [environment variable CONFORMANCE_TOKEN]")
                .doesNotContain("timeouts.request").doesNotContain("ct-provenance");
        assertThat(profile.effective().entries().toString()).doesNotContain("ct-provenance");
    }

    @Test
    void should_say_the_neutral_profile_was_chosen_because_only_a_target_was_given() {
        TargetProfile profile = new ProfileLoader(Map.of(), Map.of("CONFORMANCE_TARGET", "http://127.0.0.1:9/v1"),
                Path.of("profiles")).load();

        assertThat(profile.name()).isEqualTo("neutral");
        assertThat(source(profile, "profile")).isEqualTo("default for a target without a profile");
        assertThat(source(profile, "target")).isEqualTo("environment variable CONFORMANCE_TARGET");
    }

    @Test
    void should_read_the_token_from_token_file_stripped() throws IOException {
        Path file = dir.resolve("pat.txt");
        Files.writeString(file, "  pt-from-file\n\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.token_file", file.toString()), Map.of(),
                Path.of("profiles")).load();

        assertThat(profile.token()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("pt-from-file"));
        assertThat(value(profile, "token")).isEqualTo("(masked)");
        assertThat(source(profile, "token")).isEqualTo("token_file " + file);
        assertThat(value(profile, "token_file")).isEqualTo(file.toString());
    }

    @Test
    void should_let_an_environment_variable_beat_token_file() throws IOException {
        Path file = dir.resolve("pat.txt");
        Files.writeString(file, "pt-from-file");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.token_file", file.toString()),
                Map.of("CONFORMANCE_TOKEN", "pt-from-env"), Path.of("profiles")).load();

        assertThat(profile.token()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("pt-from-env"));
        assertThat(source(profile, "token")).isEqualTo("environment variable CONFORMANCE_TOKEN (token_file not used)");
    }

    @Test
    void should_name_the_path_of_a_missing_empty_or_multi_line_token_file_never_its_contents() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, " \n\t\n");
        Path twoLines = dir.resolve("two.txt");
        Files.writeString(twoLines, "pt-first\npt-second\n");

        assertThatThrownBy(() -> withTokenFile(missing)).isInstanceOf(ProfileException.class)
                .hasMessage("token_file " + missing.toAbsolutePath() + " does not exist or is not a file");
        assertThatThrownBy(() -> withTokenFile(empty)).isInstanceOf(ProfileException.class)
                .hasMessage("token_file " + empty.toAbsolutePath() + " is empty");
        assertThatThrownBy(() -> withTokenFile(twoLines)).isInstanceOf(ProfileException.class)
                .hasMessageContaining(twoLines.toAbsolutePath().toString()).hasMessageContaining("more than one line")
                .hasMessageNotContaining("pt-first").hasMessageNotContaining("pt-second");
        assertThatThrownBy(() -> withTokenFile(dir)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("does not exist or is not a file");
    }

    @Test
    void should_read_token_file_from_a_profile_file_too() throws IOException {
        Path file = dir.resolve("pat.txt");
        Files.writeString(file, "pt-profile-file");
        write("withfile", "token_file: " + file + "\n");

        TargetProfile profile = new ProfileLoader(Map.of("conformance.profile", "withfile"), Map.of(), dir).load();

        assertThat(profile.token()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("pt-profile-file"));
        assertThat(source(profile, "token_file")).isEqualTo("profile withfile");
    }

    @Test
    void should_refuse_the_token_as_a_system_property_or_configuration_parameter_in_one_line() {
        ProfileLoader asProperty = new ProfileLoader(Map.of("conformance.token", "pt-leaky"), Map.of(),
                Path.of("profiles"));
        ProfileLoader asParameter = new ProfileLoader(Map.of("conformance.token", "pt-leaky"), Map.of(), Map.of(),
                Path.of("profiles"), ProfileLoader.class.getClassLoader());

        for (ProfileLoader loader : java.util.List.of(asProperty, asParameter)) {
            assertThatThrownBy(loader::load).isInstanceOf(ProfileException.class)
                    .hasMessage(ProfileLoader.TOKEN_REFUSED).hasMessageNotContaining("pt-leaky");
        }
        assertThat(ProfileLoader.TOKEN_REFUSED).doesNotContain("\n").contains("CONFORMANCE_TOKEN")
                .contains("token_file");
    }

    private TargetProfile withTokenFile(Path file) {
        return new ProfileLoader(Map.of("conformance.token_file", file.toString()), Map.of(), Path.of("profiles"))
                .load();
    }

    private static String source(TargetProfile profile, String key) {
        return entry(profile, key).source();
    }

    private static String value(TargetProfile profile, String key) {
        return entry(profile, key).value();
    }

    private static EffectiveSettings.Entry entry(TargetProfile profile, String key) {
        return profile.effective().entries().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no effective setting " + key));
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
