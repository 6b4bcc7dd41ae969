package org.sessionthreads.conformance.selftest.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.sessionthreads.conformance.docs.DocCommandBlocks;

/**
 * Every command block of README.md, docs/runner.md, docs/explore.md and the examples' READMEs runs as written, one
 * document after the other, against a reference server started from the runner jar ({@link DocRun}); a block that
 * fails fails its document's test, naming the block. A document that {@link #OWN_TEST} names is run by that test
 * instead, which also checks what its blocks leave behind. A block already run in an earlier document is not run again.
 */
class DocCommandsRunnerIT {
    /** Documents whose blocks a test of their own runs. */
    static final Map<String, String> OWN_TEST = Map.of(VendorExampleRunnerIT.README, "VendorExampleRunnerIT",
            CertifyRunnerIT.DOC, "CertifyRunnerIT");
    private static final Duration LIMIT = Duration.ofMinutes(8);
    private static Processes.Server server;

    @BeforeAll
    static void serve() {
        server = Processes.Server.fromJar();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandBlockRunsAsWritten() {
        Path project = Path.of(System.getProperty("examples.dir")).getParent();
        Map<String, String> ran = new HashMap<>();
        return DocCommandBlocks.documents(project).stream()
                .map(doc -> project.relativize(doc).toString())
                .filter(doc -> !OWN_TEST.containsKey(doc))
                .map(doc -> DynamicTest.dynamicTest(doc, () -> DocRun.run(doc, server, ran, LIMIT)));
    }
}
