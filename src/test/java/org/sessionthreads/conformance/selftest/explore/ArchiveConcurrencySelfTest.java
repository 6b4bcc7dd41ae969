package org.sessionthreads.conformance.selftest.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sessionthreads.conformance.explore.Violation;

/**
 * The race faults of the reference server give a linearizability violation of the right requirement with a printed
 * timeline, within a few rounds; the conformant server in every variation and dialect gives none.
 */
class ArchiveConcurrencySelfTest {
    @TempDir
    Path reports;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RACY_ARCHIVE, CONC-001", "CONTENDED_ARCHIVE_FAILS, CONC-001",
        "RACE_LOSERS_ANSWER_OWN_ARCHIVED_AT, CONC-001"})
    void simultaneous_archives_of_a_racy_server_are_not_linearizable(String fault, String requirement) throws Exception {
        try (ConcurrentHistories on = new ConcurrentHistories(reports, Map.of("embedded_options.faults", fault),
                40)) {
            List<Violation> violations = on.exploration().explore(on.fixtures().idleChild(), 4);

            System.out.println(fault + ": " + on.exploration().roundsRun() + " round(s)\n"
                    + violations.stream().map(Violation::observed).findFirst().orElse("none"));
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.requirementId()).isEqualTo(requirement);
                assertThat(v.observed()).startsWith("timeline, ms from the first invocation").contains("why no order");
            });
        }
    }
}
