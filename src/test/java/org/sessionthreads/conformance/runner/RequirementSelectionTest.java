package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.ProfileException;

class RequirementSelectionTest {
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @Test
    void selectsByIdFamilyAndLevelInAnyCase() {
        assertThat(RequirementSelection.ids(catalogue, List.of("arch-001"))).containsExactly("ARCH-001");
        assertThat(RequirementSelection.ids(catalogue, List.of("ARCH"))).containsExactly("ARCH-001", "ARCH-002",
                "ARCH-003", "ARCH-004");
        assertThat(RequirementSelection.ids(catalogue, List.of("should"))).containsExactlyInAnyOrder("AUTH-002",
                "EVT-004", "WIRE-001");
        assertThat(RequirementSelection.ids(catalogue, List.of("MUST")))
                .hasSize(catalogue.entries().size() - 3).doesNotContain("AUTH-002");
        assertThat(RequirementSelection.ids(catalogue, List.of("COORD", "NF-001"))).containsExactly("COORD-001",
                "COORD-002", "NF-001");
    }

    @Test
    void selectsByIdPrefixAndTag() {
        assertThat(RequirementSelection.ids(catalogue, List.of("EVT-00"))).containsExactly("EVT-001", "EVT-002",
                "EVT-003", "EVT-004");
        assertThat(RequirementSelection.ids(catalogue, List.of("ID"))).containsExactly("IDLE-001", "IDLE-002",
                "IDEM-001", "IDEM-002");
        assertThat(RequirementSelection.ids(catalogue, List.of("race"))).containsExactly("CONC-001", "CONC-002");
        assertThat(RequirementSelection.ids(catalogue, List.of("SMOKE", "WIRE-001"))).contains("ARCH-001", "NF-001",
                "WIRE-001").doesNotContain("EVT-001");
        assertThat(RequirementSelection.tags(catalogue)).containsExactly("events", "race", "rejection", "repeat",
                "smoke");
    }

    @Test
    void refusesAWordThatSelectsNothing() {
        assertThatThrownBy(() -> RequirementSelection.ids(catalogue, List.of("ARCH-999")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("--only ARCH-999: selects no requirement")
                .hasMessageContaining("a tag (events, race, rejection, repeat, smoke)");
        assertThatThrownBy(() -> RequirementSelection.ids(catalogue, List.of("")))
                .isInstanceOf(ProfileException.class);
    }
}
