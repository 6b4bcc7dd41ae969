package org.sessionthreads.conformance.explore.views;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;

class ScratchTest {
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"TERMINATED_EVENT_SLOW", "TYPES_FILTER_MISSES_TERMINATED"})
    void scratch(Fault fault) {
        try (ViewsTarget t = ViewsTarget.of(ServerOptions.defaults("x").withFault(fault))) {
            t.fixture(FixtureKind.IDLE_CHILD).archiveChild();
            System.out.println("REQ " + fault + t.requests() + "\n" + t.describe());
        }
    }
}
