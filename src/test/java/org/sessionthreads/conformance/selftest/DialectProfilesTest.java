package org.sessionthreads.conformance.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each dialect's shipped profile runs the suite green against the reference server speaking that dialect, with the
 * requirements its docs are silent on DISABLED (never passed); and one dialect's profile against another dialect's
 * server fails, naming the dialect the server looks like (schema/DialectGuess) instead of only listing schema
 * violations.
 */
class DialectProfilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reference-cas, 'IDLE-001,IDLE-002,EVT-001,EVT-002,EVT-003,EVT-004,MBX-001,UNB-001,UNB-002,REA-002,CONC-001,CONC-002,IDEM-001,IDEM-002'",
        "reference-forward, 'MBX-001,UNB-001,UNB-002,CONC-002'"})
    void each_dialect_profile_passes_against_the_server_of_its_dialect(String profile, String disabled) {
        SuiteRun run = SuiteRun.withProfile(profile, Map.of("timeouts.event", "4s"));

        assertThat(run.requirementsNotMet()).as(run.problems()).isEmpty();
        assertThat(run.succeeded()).isEqualTo(run.started()).isGreaterThanOrEqualTo(12);
        assertThat(run.requirementsSkipped()).as("DISABLED by the dialect").contains(disabled.split(","));
    }

    @ParameterizedTest(name = "{0} profile against a {1} server")
    @CsvSource({
        "reference, cas, cas",
        "reference-cas, forward, forward",
        "reference-forward, archive-page, archive-page"})
    void a_profile_of_one_dialect_fails_against_a_server_of_another_naming_the_likely_dialect(
            String profile, String serverDialect, String named) {
        SuiteRun run = SuiteRun.withProfile(profile, Map.of("dialect", serverDialect), Map.of("timeouts.event", "4s"),
                dir, ".*(ArchiveThread|ArchiveRejection)Scenarios");

        assertThat(run.requirementsNotMet()).isNotEmpty();
        assertThat(run.problems()).contains("this looks like the " + named + " dialect; set dialect: " + named);
    }
}
