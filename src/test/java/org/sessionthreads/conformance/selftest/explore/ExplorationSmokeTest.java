package org.sessionthreads.conformance.selftest.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.selftest.SuiteRun;

class ExplorationSmokeTest {
    @Test
    void smoke() throws Exception {
        Path dir = Files.createTempDirectory("explore-smoke");
        for (String fault : new String[]{""}) {
            long start = System.nanoTime();
            SuiteRun run = SuiteRun.withProfile("reference", fault.isEmpty() ? Map.of("dialect", "archive-page")
                    : Map.of("faults", fault), Map.of("explore.enabled", "true", "audit.settle", "3500ms",
                    "console.verbose", "true", "reports_dir", dir.resolve("r" + fault).toString()), dir,
                    ".*ExplorationScenarios");
            System.out.println("FAULT " + fault + " -> " + run.requirementsNotMet() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms\n" + run.problems());
        }
    }
}
