package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.SuiteConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Waivers keep a known gap visible without failing the gate, and cannot outlive it: an expired waiver and a
 * stale one (its scenario passes) both fail. Checked on AUTH-002 (a SHOULD requirement) with the reference server's
 * NOT_FOUND_BEFORE_AUTH fault, which breaks it.
 */
@Execution(ExecutionMode.CONCURRENT) // why: each method runs the suite against a server of its own, mostly waiting
class WaiverTest {
    private static final String AUTH_002 = "badCredentialsAnswer401EvenForUnknownIds";
    @TempDir
    Path dir;

    @Test
    void should_report_a_waived_failure_as_aborted_not_failed() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", true, waiver(LocalDate.now().plusDays(30)));

        assertThat(messageOf(events, TestExecutionResult.Status.ABORTED)).startsWith("WAIVED AUTH-002 until");
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void should_fail_when_the_waiver_has_expired() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", true, waiver(LocalDate.now().minusDays(1)));

        assertThat(messageOf(events, TestExecutionResult.Status.FAILED)).contains("waiver expired: AUTH-002");
    }

    @Test
    void should_fail_a_stale_waiver_whose_scenario_passes() throws IOException {
        Events events = run("", true, waiver(LocalDate.now().plusDays(30)));

        assertThat(messageOf(events, TestExecutionResult.Status.FAILED)).contains("stale waiver: AUTH-002");
    }

    @Test
    void should_report_a_should_requirement_as_a_warning_on_a_lenient_profile() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", false, "");

        assertThat(messageOf(events, TestExecutionResult.Status.ABORTED)).startsWith("SHOULD not met (AUTH-002)");
        assertThat(events.failed().count()).isZero();
    }

    @Test
    void should_fail_a_should_requirement_on_a_strict_profile() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", true, "");

        assertThat(messageOf(events, TestExecutionResult.Status.FAILED)).startsWith("AUTH-002 (SHOULD) not met");
    }

    @Test
    void should_fail_a_should_requirement_that_a_lenient_profile_lists_in_gate_should() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", false, "", "gate_should: [AUTH-002]\n");

        assertThat(messageOf(events, TestExecutionResult.Status.FAILED))
                .startsWith("AUTH-002 (SHOULD, gating on profile w (gate_should)) not met");
    }

    @Test
    void should_gate_on_auth_002_in_a_profile_that_extends_the_neutral_one() throws IOException {
        Events events = run("NOT_FOUND_BEFORE_AUTH", false, "", "extends: neutral\n");

        assertThat(messageOf(events, TestExecutionResult.Status.FAILED)).startsWith("AUTH-002 (SHOULD, gating");
    }

    @Test
    void should_let_a_conformant_server_pass_auth_002_where_it_gates() throws IOException {
        Events events = run("", false, "", "gate_should: [AUTH-002]\n");

        assertThat(messageOf(events, TestExecutionResult.Status.SUCCESSFUL)).isEmpty();
    }

    @Test
    void should_refuse_a_gate_should_that_names_a_must_requirement() throws IOException {
        Path profile = dir.resolve("must.yaml");
        Files.writeString(profile, "embedded: reference\ngate_should: [AUTH-001]\n");

        Events containers = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass("org.sessionthreads.conformance.scenarios.AuthenticationScenarios"))
                .configurationParameters(SuiteConfiguration.PARAMETERS)
                .configurationParameter("conformance.profile", profile.toString())
                .execute().containerEvents();

        assertThat(containers.failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .map(r -> r.getThrowable().map(Throwable::getMessage).orElse("")))
                .anySatisfy(message -> assertThat(message)
                        .contains("gate_should lists AUTH-001, which is not a SHOULD requirement"));
    }

    private String waiver(LocalDate expires) {
        return "waivers:\n  - requirement: AUTH-002\n    reason: gateway checks ids first\n"
                + "    link: https://tracker.example/GW-1\n    expires: " + expires + "\n";
    }

    private Events run(String fault, boolean strict, String waivers) throws IOException {
        return run(fault, strict, waivers, "");
    }

    private Events run(String fault, boolean strict, String waivers, String more) throws IOException {
        Path waiverFile = dir.resolve("w.waivers.yaml");
        Files.writeString(waiverFile, waivers.isEmpty() ? "waivers: []\n" : waivers);
        Path profile = dir.resolve("w.yaml");
        Files.writeString(profile, "embedded: reference\n"
                + (fault.isEmpty() ? "" : "embedded_options:\n  faults: " + fault + "\n")
                + "strict: " + strict + "\nwaivers: " + waiverFile + "\n" + more);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass("org.sessionthreads.conformance.scenarios.AuthenticationScenarios"))
                .configurationParameters(SuiteConfiguration.PARAMETERS)
                .configurationParameter("conformance.profile", profile.toString())
                .execute().testEvents();
    }

    private static String messageOf(Events events, TestExecutionResult.Status status) {
        List<String> messages = events.finished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(AUTH_002))
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == status)
                .map(r -> r.getThrowable().map(Throwable::getMessage).orElse(""))
                .toList();
        assertThat(messages).as("AUTH-002 results with status %s", status).hasSize(1);
        return messages.get(0);
    }
}
