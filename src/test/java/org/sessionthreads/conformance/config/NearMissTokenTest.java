package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearMissTokenTest {
    private static final String TOKEN = "pt-Canary-7f3z";

    @Test
    void should_make_variants_that_differ_from_the_token_but_stay_close() {
        assertThat(NearMissToken.FIRST_CHARACTER_CHANGED.of(TOKEN)).isEqualTo("qt-Canary-7f3z");
        assertThat(NearMissToken.LAST_CHARACTER_CHANGED.of(TOKEN)).isEqualTo("pt-Canary-7f3a");
        assertThat(NearMissToken.TRUNCATED_BY_ONE.of(TOKEN)).isEqualTo("pt-Canary-7f3");
        assertThat(NearMissToken.EXTENDED_BY_ONE.of(TOKEN)).isEqualTo("pt-Canary-7f3za");
        assertThat(NearMissToken.SPACE_INSIDE.of(TOKEN)).isEqualTo("pt-Cana ry-7f3z");
        assertThat(NearMissToken.TAB_INSIDE.of(TOKEN)).isEqualTo("pt-Cana\try-7f3z");
        assertThat(NearMissToken.all(TOKEN)).hasSize(NearMissToken.values().length).doesNotContain(TOKEN)
                .allSatisfy(v -> assertThat(v.strip()).as("no whitespace around a near miss").isEqualTo(v));
    }

    @Test
    void should_refuse_a_token_too_short_to_miss_nearly() {
        assertThatThrownBy(() -> NearMissToken.TRUNCATED_BY_ONE.of("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NearMissToken.all("x")).isEmpty();
    }
}
