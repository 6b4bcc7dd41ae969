package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code explore.enabled} defaults to {@code certify}: the default gate ({@code mvn verify}, {@code run} with the
 * default profile) does not explore; a certify profile does; {@code true} and {@code false} force it.
 */
class ExploreSwitchTest {
    @ParameterizedTest
    @CsvSource({"reference, false", "neutral, false", "reference-cas, false", "reference-forward, false",
            "certify, true"})
    void should_explore_exactly_in_the_shipped_profiles_that_certify(String name, boolean explores) {
        TargetProfile profile = load(Map.of("conformance.profile", name));

        assertThat(profile.certify()).isEqualTo(explores);
        assertThat(profile.explore().enabled()).as(name).isEqualTo(explores);
    }

    @Test
    void should_not_explore_in_the_api_profile_which_certifies_its_fixtures_only() {
        TargetProfile profile = load(Map.of("conformance.profile", "reference-api"));

        assertThat(profile.certify()).isTrue();
        assertThat(profile.explore().enabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"false, certify, false", "true, certify, true", "true, false, false", "false, true, true",
            "false, TRUE, true"})
    void should_follow_certify_unless_forced(String certify, String enabled, boolean explores) {
        TargetProfile profile = load(Map.of("conformance.certify", certify, "conformance.explore.enabled", enabled));

        assertThat(profile.explore().enabled()).isEqualTo(explores);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", ""})
    void should_refuse_another_value(String enabled) {
        assertThatThrownBy(() -> load(Map.of("conformance.explore.enabled", enabled)))
                .isInstanceOf(ProfileException.class).hasMessageContaining("explore.enabled");
    }

    private static TargetProfile load(Map<String, String> properties) {
        return new ProfileLoader(properties, Map.of(), Path.of("profiles")).load();
    }
}
