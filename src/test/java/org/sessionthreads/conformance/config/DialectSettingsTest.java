package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dialect setting decides the readings and idempotency_key left unset; an explicit one overrides it. */
class DialectSettingsTest {

    @Test
    void the_cas_profile_takes_the_cas_readings_and_says_so() {
        TargetProfile profile = load(Map.of("conformance.profile", "reference-cas"));

        assertThat(profile.readings()).isEqualTo(new Readings("terminated", Readings.ANY_ERROR_TYPE,
                Readings.Rearchive.EITHER, Dialect.CAS, false));
        assertThat(profile.capabilities().idempotencyKey()).isFalse();
        assertThat(source(profile, "readings.archived_status")).isEqualTo("dialect cas");
        assertThat(source(profile, "capabilities.idempotency_key")).isEqualTo("profile reference-cas");
        assertThat(profile.embeddedOptions()).containsEntry("dialect", "cas");
    }

    @Test
    void the_forward_profile_takes_the_forward_readings_and_an_override_wins() {
        TargetProfile profile = load(Map.of("conformance.profile", "reference-forward",
                "conformance.readings.rearchive", "either"));

        assertThat(profile.readings().dialect()).isEqualTo(Dialect.FORWARD);
        assertThat(profile.readings().conflictErrorType()).isEqualTo("conflict_error");
        assertThat(profile.readings().errorCodes()).isTrue();
        assertThat(profile.readings().rearchive()).isEqualTo(Readings.Rearchive.EITHER);
        assertThat(source(profile, "readings.rearchive")).isEqualTo("system property conformance.readings.rearchive");
        assertThat(source(profile, "readings.error_codes")).isEqualTo("dialect forward");
        assertThat(profile.capabilities().idempotencyKey()).isTrue();
    }

    @Test
    void the_default_is_the_archive_page_and_a_bad_name_is_refused() {
        TargetProfile profile = load(Map.of());

        assertThat(profile.readings()).isEqualTo(new Readings("archived", "invalid_request_error",
                Readings.Rearchive.EITHER));
        assertThatThrownBy(() -> load(Map.of("conformance.dialect", "soap"))).isInstanceOf(ProfileException.class)
                .hasMessageContaining("dialect must be one of archive-page, cas, forward");
    }

    private static TargetProfile load(Map<String, String> parameters) {
        return new ProfileLoader(parameters, Map.of(), Path.of("profiles")).load();
    }

    private static String source(TargetProfile profile, String key) {
        return profile.effective().entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow()
                .source();
    }
}
