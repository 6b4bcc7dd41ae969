package org.sessionthreads.conformance.scenarios;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.sessionthreads.conformance.junit.AuditChecks;
import org.sessionthreads.conformance.junit.EndOfRunAudit;

/**
 * After every scenario (and the settle time, {@code audit.settle}): the whole run's sessions re-read and judged
 * against invariants no single scenario's window can see. One dynamic test per invariant, named after its
 * requirement.
 */
@EndOfRunAudit
public class EndOfRunAuditScenarios {

    @TestFactory
    Stream<DynamicTest> theRunsSessionsKeepEveryPromiseAfterTheScenariosStoppedLooking(AuditChecks audit) {
        return audit.tests();
    }
}
