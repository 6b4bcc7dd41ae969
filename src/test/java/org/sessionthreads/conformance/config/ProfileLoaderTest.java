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
