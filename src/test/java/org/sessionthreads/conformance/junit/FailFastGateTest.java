package org.sessionthreads.conformance.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailFastGateTest {
    private static final String REFUSED = "fail-fast: not run after ARCH-003 failed (gating)";
    private final FailFastGate gate = new FailFastGate();

    @Test
    void nothingIsRefusedBeforeAGatingFailure() {
        assertThat(gate.refusal("[method:a]", false)).isEmpty();
        assertThat(gate.refusal("[method:b]", true)).isEmpty();
    }

    @Test
    void afterTheFirstFailureOnlyScenariosThatHaveBegunGoOn() {
        assertThat(gate.refusal("[method:begun]", true)).isEmpty();
        gate.failed("ARCH-003");
        gate.failed("NF-001");

        assertThat(gate.refusal("[method:begun]", true)).as("its remaining invocations").isEmpty();
        assertThat(gate.refusal("[method:later]", false)).as("a scenario not started").contains(REFUSED);
        assertThat(gate.refusal("[method:other]", true)).as("the first invocation of another").contains(REFUSED);
        assertThat(gate.refusal("[method:other]", true)).as("and its next ones").contains(REFUSED);
    }
}
