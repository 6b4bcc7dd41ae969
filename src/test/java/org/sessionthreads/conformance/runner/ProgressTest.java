package org.sessionthreads.conformance.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.sessionthreads.conformance.config.ConsoleKind;
import org.sessionthreads.conformance.outcome.RequirementNotMet;
import org.sessionthreads.conformance.outcome.ShouldNotMet;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.outcome.UntestableInCertify;
import org.sessionthreads.conformance.outcome.Waived;

/**
 * A finished scenario's line carries the verdict table's word for what its invocations produced ({@code ok} only
 * for PASS), whatever JUnit's status was: an abort is UNTESTABLE, WAIVED or WARN, a failure FAIL, ERROR or (in
 * certify mode) UNTESTABLE, a template the worst of its invocations, and the audit's checks each a line of their
 * own. Names are display names, never a Java method.
 */
class ProgressTest {

    @TempDir
    Path reports;

    @Test
    void should_print_for_each_scenario_the_word_of_the_verdict_table() {
        List<String> lines = run(Scenarios.class, reports);

        assertThat(lines).contains("ok REQ-001 passes", "FAIL REQ-002 fails", "ERROR REQ-003 breaks",
                "WARN REQ-004 misses a SHOULD", "WAIVED REQ-005 is waived", "UNTESTABLE REQ-006 has no fixture",
                "UNTESTABLE REQ-007 has no fixture in certify mode", "DISABLED REQ-008 is disabled",
                "UNTESTABLE REQ-009 one invocation of two has no fixture", "ok REQ-010 one invocation is disabled",
                "ok LIST-001 audit: agrees", "UNTESTABLE ARCH-004 audit: nothing to read");
        assertThat(lines).as("the factory is told by its checks, not by its method").noneMatch(l -> l.contains("audit("))
                .noneMatch(l -> l.contains("End-of-run"));
    }

    /** The lines after {@code n/total}, without the timing in brackets. */
    private static List<String> run(Class<?> scenarios, Path reports) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), ConsoleKind.LOG);
        // why: the suite's ledger listens too (ServiceLoader) and writes a summary for the audit-like checks
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(scenarios)).configurationParameter("conformance.reports_dir",
                        reports.toString()).build(), progress);
        return printed.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.matches("\\[runner] \\d+/\\d+ \\S+ .*\\(\\d+\\.\\ds, \\d\\d:\\d\\d elapsed\\)"))
                .map(l -> l.replaceFirst("^\\[runner] \\d+/\\d+ ", "").replaceFirst(" \\([^(]*elapsed\\)$", ""))
                .toList();
    }

    static class Scenarios {
        @Test
        @DisplayName("REQ-001 passes")
        void passes() {
        }

        @Test
        @DisplayName("REQ-002 fails")
        void fails() {
            throw new RequirementNotMet("REQ-002 (MUST) not met", new AssertionError("no"));
        }

        @Test
        @DisplayName("REQ-003 breaks")
        void breaks() {
            throw new IllegalStateException("harness trouble");
        }

        @Test
        @DisplayName("REQ-004 misses a SHOULD")
        void warns() {
            throw new ShouldNotMet("SHOULD not met (REQ-004)");
        }

        @Test
        @DisplayName("REQ-005 is waived")
        void waived() {
            throw new Waived("WAIVED");
        }

        @Test
        @DisplayName("REQ-006 has no fixture")
        void untestable() {
            throw new Untestable("UNTESTABLE: no fixture strategy could provide idle_child");
        }

        @Test
        @DisplayName("REQ-007 has no fixture in certify mode")
        void untestableInCertify() {
            throw new UntestableInCertify(new Untestable("UNTESTABLE: none"));
        }

        @Test
        @Disabled("profile does not declare it")
        @DisplayName("REQ-008 is disabled")
        void disabled() {
        }

        @ParameterizedTest
        @ValueSource(strings = {"polling", "sse"})
        @DisplayName("REQ-009 one invocation of two has no fixture")
        void template(String channel) {
            if (channel.equals("sse")) {
                throw new Untestable("UNTESTABLE: none");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"polling", "sse"})
        @DisplayName("REQ-010 one invocation is disabled")
        void partlyDisabled(String channel) {
            org.junit.jupiter.api.Assumptions.assumeTrue(channel.equals("polling"), "sse not declared");
        }

        @TestFactory
        Stream<DynamicTest> audit() {
            return Stream.of(
                    DynamicTest.dynamicTest("LIST-001 audit: agrees", URI.create("requirement:LIST-001"), () -> { }),
                    DynamicTest.dynamicTest("ARCH-004 audit: nothing to read", URI.create("requirement:ARCH-004"),
                            () -> {
                                throw new Untestable("UNTESTABLE: nothing to judge");
                            }));
        }
    }
}
