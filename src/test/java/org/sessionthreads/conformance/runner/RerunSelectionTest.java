package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.config.ProfileException;

class RerunSelectionTest {
    @TempDir
    Path bundle;

    @Test
    void rerunsEveryRequirementThatWasRunAndDidNotPass() throws IOException {
        write("""
                {"requirements": [{"id": "ARCH-001", "verdict": "PASS"}, {"id": "ARCH-002", "verdict": "FAIL"},
                 {"id": "ARCH-003", "verdict": "ERROR"}, {"id": "ARCH-004", "verdict": "DISABLED"},
                 {"id": "AUTH-002", "verdict": "FAIL", "warning": true}, {"id": "NF-001", "verdict": "WAIVED"},
                 {"id": "NF-002", "verdict": "UNTESTABLE"}]}""");

        assertThat(RerunSelection.notPassed(bundle)).containsExactly("ARCH-002", "ARCH-003", "AUTH-002", "NF-001",
                "NF-002");
    }

    @Test
    void narrowsToOnlyAndRefusesAnEmptyIntersection() {
        Optional<Set<String>> rerun = Optional.of(Set.of("ARCH-002", "NF-001"));
        assertThat(RerunSelection.within(Set.of(), rerun)).containsExactlyInAnyOrder("ARCH-002", "NF-001");
        assertThat(RerunSelection.within(Set.of("NF-001", "NF-002"), rerun)).containsExactly("NF-001");
        assertThat(RerunSelection.within(Set.of("NF-002"), Optional.empty())).containsExactly("NF-002");
        assertThatThrownBy(() -> RerunSelection.within(Set.of("EVT-001"), rerun))
                .isInstanceOf(ProfileException.class).hasMessageContaining("none of the requirements to rerun");
    }

    @Test
    void aFolderWithoutASummaryIsAUsageError() throws IOException {
        assertThatThrownBy(() -> RerunSelection.notPassed(bundle)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("--rerun-failed " + bundle + ": no readable summary.json");
        write("{not json");
        assertThatThrownBy(() -> RerunSelection.notPassed(bundle)).isInstanceOf(ProfileException.class);
    }

    private void write(String json) throws IOException {
        Files.writeString(bundle.resolve("summary.json"), json);
    }
}
