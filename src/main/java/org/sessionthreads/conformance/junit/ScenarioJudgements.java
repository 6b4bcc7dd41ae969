package org.sessionthreads.conformance.junit;

import org.junit.platform.engine.TestExecutionResult;

import org.sessionthreads.conformance.outcome.ShouldNotMet;
import org.sessionthreads.conformance.outcome.Untestable;
import org.sessionthreads.conformance.outcome.UntestableInCertify;
import org.sessionthreads.conformance.outcome.Waived;
import org.sessionthreads.conformance.report.Judgement;
import org.sessionthreads.conformance.report.Verdict;

/**
 * What one scenario invocation's JUnit result means for the suite: its verdict, read from the outcome's type
 * (package {@code outcome}), never from its message, and whether it fails the gate (it failed in JUnit's terms).
 * The summary ({@link RequirementLedger}) and the runner's progress lines both read results through here.
 */
public final class ScenarioJudgements {
    private ScenarioJudgements() {
    }

    /** The invocation's verdict and whether it gates. */
    public static Judgement of(TestExecutionResult result) {
        return new Judgement(verdict(result), result.getStatus() == TestExecutionResult.Status.FAILED);
    }

    /** An invocation JUnit skipped (a condition disabled it): DISABLED, never gating. */
    public static Judgement skipped() {
        return new Judgement(Verdict.DISABLED, false);
    }

    /** True when a scenario that threw {@code thrown} is a FAIL or an ERROR (a SHOULD warning included). */
    static boolean failed(Throwable thrown) {
        return thrown instanceof ShouldNotMet
                || !(thrown instanceof org.opentest4j.TestAbortedException || thrown instanceof UntestableInCertify);
    }

    /**
     * The simple name of the type the invocation ended with (its typed reason: {@code RequirementNotMet},
     * {@code NoAnswerException}, …), empty when it passed; the baseline's failure signature is built from it.
     */
    public static String reasonClass(TestExecutionResult result) {
        return result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? ""
                : result.getThrowable().map(t -> t.getClass().getSimpleName()).orElse("");
    }

    /**
     * FAIL and ERROR come from failures (and UNTESTABLE in certify mode); WAIVED, UNTESTABLE, SHOULD warnings (FAIL,
     * not blocking) and DISABLED from aborts.
     */
    static Verdict verdict(TestExecutionResult result) {
        Throwable thrown = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> Verdict.PASS;
            case FAILED -> thrown instanceof UntestableInCertify ? Verdict.UNTESTABLE
                    : thrown instanceof AssertionError ? Verdict.FAIL : Verdict.ERROR;
            case ABORTED -> thrown instanceof Waived ? Verdict.WAIVED
                    : thrown instanceof Untestable ? Verdict.UNTESTABLE
                    : thrown instanceof ShouldNotMet ? Verdict.FAIL : Verdict.DISABLED;
        };
    }
}
