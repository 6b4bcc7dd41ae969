package org.sessionthreads.conformance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GateSettingsTest {
    @Test
    void should_read_gate_min_index_tolerance_and_baseline() {
        assertThat(GateSettings.newOnly(" New ")).isTrue();
        assertThat(GateSettings.newOnly("all")).isFalse();
        assertThat(GateSettings.minIndex("0.9")).isEqualTo(0.9);
        assertThat(GateSettings.minIndex("85%")).isEqualTo(0.85);
        assertThat(GateSettings.latencyTolerance("50%")).isEqualTo(0.5);
        assertThat(GateSettings.baseline(EffectiveSettings.EMPTY)).isEmpty();
        assertThat(GateSettings.baseline(" baseline.json ")).contains("baseline.json");
    }

    @Test
    void should_refuse_bad_values_before_the_run() {
        assertThatThrownBy(() -> GateSettings.check(Map.of("gate", "some", "min_index", "0",
                "baseline_latency_tolerance", "50%"))).isInstanceOf(ProfileException.class)
                .hasMessageStartingWith("gate must be 'all' or 'new'");
        assertThatThrownBy(() -> GateSettings.minIndex("1.5")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("min_index must be between 0 and 1");
        assertThatThrownBy(() -> GateSettings.minIndex("lots")).isInstanceOf(ProfileException.class);
        assertThatThrownBy(() -> GateSettings.latencyTolerance("0.5")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("a percentage such as 50%");
    }
}
