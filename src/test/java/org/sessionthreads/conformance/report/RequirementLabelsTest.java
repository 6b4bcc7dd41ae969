package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import org.junit.jupiter.api.Test;

class RequirementLabelsTest {
    private static final String CLASS = "org.sessionthreads.conformance.scenarios.ArchiveRejectionScenarios";

    @Test
    void should_list_a_result_under_its_requirement_instead_of_its_class() {
        TestResult result = result("COORD-001 A coordinator cannot be archived (409) via sse");

        new RequirementLabels().beforeTestWrite(result);

        assertThat(result.getLabels()).extracting(Label::getName, Label::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("suite", "COORD-001 A coordinator cannot be archived (409)"),
                org.assertj.core.groups.Tuple.tuple("package", "conformance.COORD-001"),
                org.assertj.core.groups.Tuple.tuple("testClass", CLASS));
        assertThat(result.getLabels()).extracting(Label::getValue).doesNotContain(CLASS + "-suite", CLASS + "-pkg");
        assertThat(result.getLabels()).filteredOn(l -> l.getName().equals("suite")).hasSize(1);
        assertThat(result.getLabels()).as("a top-level suite of its own")
                .noneMatch(l -> l.getName().equals("parentSuite") || l.getName().equals("subSuite"));
    }

    @Test
    void should_start_the_message_of_a_result_that_did_not_pass_with_its_requirement() {
        TestResult untestable = result("IDLE-001 A thread that is not idle cannot be archived (409)")
                .setStatus(Status.SKIPPED).setStatusDetails(new StatusDetails().setMessage("UNTESTABLE: no fixture"));
        TestResult failed = result("COORD-001 A coordinator cannot be archived (409)").setStatus(Status.FAILED)
                .setStatusDetails(new StatusDetails().setMessage("COORD-001 (MUST) not met: Expecting 409"));
        TestResult broken = result("COORD-001 A coordinator cannot be archived (409)").setStatus(Status.BROKEN);
        TestResult passed = result("COORD-001 A coordinator cannot be archived (409)").setStatus(Status.PASSED);

        List.of(untestable, failed, broken, passed).forEach(new RequirementLabels()::beforeTestWrite);

        assertThat(untestable.getStatusDetails().getMessage()).isEqualTo("IDLE-001 · UNTESTABLE: no fixture");
        assertThat(failed.getStatusDetails().getMessage()).isEqualTo("COORD-001 (MUST) not met: Expecting 409");
        assertThat(broken.getStatusDetails().getMessage()).isEqualTo("COORD-001 · (no message)");
        assertThat(passed.getStatusDetails()).isNull();
    }

    @Test
    void should_leave_a_result_without_a_known_requirement_as_it_is() {
        TestResult unknown = result("XYZ-999 not in the catalogue");
        TestResult plain = result("should_do_something()");

        new RequirementLabels().beforeTestWrite(unknown);
        new RequirementLabels().beforeTestWrite(plain);

        assertThat(unknown.getLabels()).extracting(Label::getValue).contains(CLASS + "-suite", CLASS + "-pkg");
        assertThat(plain.getLabels()).hasSize(3);
    }

    /** Allure loads listeners per interface ({@code ServiceLoaderUtils.load(TestLifecycleListener.class, …)}). */
    @Test
    void should_be_found_by_allure_as_a_test_lifecycle_listener() {
        assertThat(java.util.ServiceLoader.load(io.qameta.allure.listener.TestLifecycleListener.class).stream()
                .map(java.util.ServiceLoader.Provider::type).toList()).contains(RequirementLabels.class);
    }

    private static TestResult result(String name) {
        List<Label> labels = new ArrayList<>(List.of(ResultsUtils.createSuiteLabel(CLASS + "-suite"),
                ResultsUtils.createPackageLabel(CLASS + "-pkg"), ResultsUtils.createTestClassLabel(CLASS)));
        return new TestResult().setName(name).setLabels(labels);
    }
}
