package org.sessionthreads.conformance.baseline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One requirement of a baseline: its outcome when the baseline was written, and for a failure its signature and
 * an optional expiry (after it, the failure is NEW again, as an expired waiver fails again).
 *
 * @param verdict     the verdict's name (PASS, FAIL, ERROR, UNTESTABLE, WAIVED, DISABLED)
 * @param reasonClass the type the verdict came from; empty for PASS
 * @param cases       the invocations that did not pass (their invocation part), sorted
 * @param expires     the last day the failure is KNOWN; empty: it does not expire
 */
public record BaselineEntry(String requirement, String verdict, String reasonClass, List<String> cases,
                            Optional<LocalDate> expires) {
    public BaselineEntry {
        cases = cases.stream().sorted().distinct().toList();
    }

    static BaselineEntry of(RunSnapshot.Outcome outcome, Optional<LocalDate> expires) {
        return new BaselineEntry(outcome.requirement(), outcome.verdict(), outcome.reasonClass(), outcome.cases(),
                outcome.failing() ? expires : Optional.empty());
    }

    public boolean failing() {
        return RunSnapshot.FAILING.contains(verdict);
    }

    /** How it failed; empty when it did not. */
    public Optional<FailureSignature> signature() {
        return failing() ? Optional.of(new FailureSignature(requirement, verdict, reasonClass, cases))
                : Optional.empty();
    }

    /** True when {@code today} is after its expiry. */
    public boolean expiredOn(LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
    }
}
