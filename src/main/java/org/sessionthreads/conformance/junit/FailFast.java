package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import org.sessionthreads.conformance.outcome.UntestableInCertify;

/**
 * {@code fail_fast: true}: after the first gating failure (a scenario invocation that FAILed a MUST, or a SHOULD
 * the profile gates: in JUnit's terms a failed test with an {@link AssertionError}) no further scenario starts.
 * A scenario with an invocation under way runs all its invocations (a requirement is never judged on part of its
 * inputs) and keeps its verdict; each scenario not started is disabled with a reason that
 * starts with {@link #PREFIX} and names the failure, so it is DISABLED in the summary, the bundle is written as
 * usual and the exit code is 1. A {@link FailFastGate} in the engine's root store, asked before each scenario
 * and invocation starts: no thread is interrupted.
 */
final class FailFast implements ExecutionCondition, TestWatcher {
    /** How the reason of a scenario fail-fast did not start begins. */
    static final String PREFIX = "fail-fast: not run after ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || method.get().getAnnotation(Requirement.class) == null) {
            return ConditionEvaluationResult.enabled("not a scenario method");
        }
        // why: an invocation's parent is its scenario method
        boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
        String scenario = invocation ? context.getParent().orElseThrow().getUniqueId() : context.getUniqueId();
        return gate(context).refusal(scenario, invocation).map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("no gating failure before it started"));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (!(cause instanceof AssertionError) || cause instanceof UntestableInCertify) {
            return; // why: an ERROR or an UNTESTABLE in certify mode gives no verdict on the target: not a FAIL
        }
        boolean failFast;
        try {
            failFast = ConformanceExtension.run(context).profile().failFast();
        } catch (RuntimeException notStarted) {
            return;
        }
        Optional<Requirement> requirement = context.getTestMethod().map(m -> m.getAnnotation(Requirement.class));
        if (failFast && requirement.isPresent()) {
            gate(context).failed(requirement.get().value());
        }
    }

    private static FailFastGate gate(ExtensionContext context) {
        return context.getRoot().getStore(ConformanceExtension.NAMESPACE)
                .computeIfAbsent("fail-fast", k -> new FailFastGate(), FailFastGate.class);
    }
}
