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
                Map.of("CONFORMANCE_EMBEDDED_OPTIONS_REARCHIVE", "conflict"), Path.of("profiles")).load();

        assertThat(profile.embeddedOptions()).containsEntry("faults", "LENIENT_AUTH")
                .containsEntry("rearchive", "conflict");
    }

    @Test
    void should_refuse_a_token_in_a_profile_file() throws IOException {
        write("leaky", "token: pt-oops\n");

        assertThatThrownBy(() -> new ProfileLoader(Map.of("conformance.profile", "leaky"), Map.of(), dir).load())
                .isInstanceOf(ProfileException.class).hasMessageContaining("tokens never go in a file")
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

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }
}
