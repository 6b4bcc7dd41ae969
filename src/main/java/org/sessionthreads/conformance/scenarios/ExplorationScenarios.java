package org.sessionthreads.conformance.scenarios;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.sessionthreads.conformance.junit.ExplorationChecks;
import org.sessionthreads.conformance.junit.ExplorationRun;

/**
 * Exploration (docs/explore.md), when the profile turns it on ({@code explore.enabled}): every short sequence of
 * operations from each fixture kind, judged against the model of the archive page; one dynamic test per
 * requirement its rules belong to.
 */
@ExplorationRun
public class ExplorationScenarios {

    @TestFactory
    Stream<DynamicTest> everyShortSequenceOfOperationsKeepsTheModelsRules(ExplorationChecks exploration) {
        return exploration.tests();
    }
}
