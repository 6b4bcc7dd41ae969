package org.sessionthreads.conformance.selftest.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.selftest.SuiteRun;

/**
 * The suite is sensitive: against the reference server started with one deliberate fault, the requirement the
 * fault breaks is among the requirements reported as not met.
 */
class FaultDetectionTest {
    /** The requirement each fault breaks (it may break others too). */
    private static final Map<Fault, String> BREAKS = Map.ofEntries(
            Map.entry(Fault.COORDINATOR_ARCHIVABLE, "COORD-001"),
            Map.entry(Fault.NON_IDLE_ARCHIVABLE, "IDLE-001"),
            Map.entry(Fault.NO_TERMINATED_EVENT, "EVT-001"),
            Map.entry(Fault.DUPLICATE_TERMINATED_EVENT, "EVT-002"),
            Map.entry(Fault.TERMINATED_EVENT_WRONG_REASON, "EVT-001"),
            Map.entry(Fault.EVENT_FOR_REJECTED_ARCHIVE, "EVT-003"),
            Map.entry(Fault.NOT_FOUND_BEFORE_AUTH, "AUTH-002"),
            Map.entry(Fault.LENIENT_AUTH, "AUTH-001"),
            Map.entry(Fault.REJECTED_REQUEST_MUTATES, "AUTH-003"),
            Map.entry(Fault.ARCHIVE_NOT_PERSISTED, "ARCH-004"),
            Map.entry(Fault.MISSING_ARCHIVED_AT, "ARCH-003"),
            Map.entry(Fault.WRONG_STOP_REASON, "ARCH-002"),
            Map.entry(Fault.CONFLICT_AS_BAD_REQUEST, "COORD-001"),
            Map.entry(Fault.WRONG_ERROR_TYPE, "NF-001"),
            Map.entry(Fault.NO_ERROR_ENVELOPE, "COORD-001"),
            Map.entry(Fault.CROSS_SESSION_THREAD, "NF-002"),
            Map.entry(Fault.MAILBOX_NOT_CANCELLED, "MBX-001"),
            Map.entry(Fault.NO_AGENT_CANCELLED, "UNB-001"),
            Map.entry(Fault.REARCHIVE_MOVES_ARCHIVED_AT, "REA-001"),
            Map.entry(Fault.RACY_ARCHIVE, "CONC-001"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void the_suite_names_the_requirement_a_fault_breaks(Fault fault) {
        SuiteRun run = SuiteRun.againstReferenceServer(Map.of("faults", fault.name()), dir);

        assertThat(run.requirementsNotMet()).as("requirements not met with %s:%n%s", fault, run.problems())
                .contains(BREAKS.getOrDefault(fault, "(add the requirement " + fault + " breaks to BREAKS)"));
    }
}
