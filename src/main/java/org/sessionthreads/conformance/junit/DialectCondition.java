package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a scenario whose requirement the run's dialect does not document ({@code dialects.<name>.disabled} in
 * the catalogue): DISABLED with that reason, never passed and never failed.
 */
final class DialectCondition implements ExecutionCondition {
    /** How the reason starts, so the summary and the self-tests can tell this kind of DISABLED. */
    static final String PREFIX = "not documented by dialect ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        Optional<Requirement> requirement = method.map(m -> m.getAnnotation(Requirement.class));
        if (requirement.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a scenario method");
        }
        ConformanceRun run;
        try {
            run = ConformanceExtension.run(context);
        } catch (RuntimeException notStarted) {
            return ConditionEvaluationResult.enabled("the run did not start; the scenarios report why");
        }
        String dialect = run.profile().readings().dialect().wireName();
        return run.catalogue().find(requirement.get().value()).flatMap(entry -> entry.disabledIn(dialect))
                .map(reason -> ConditionEvaluationResult.disabled(reason(dialect, reason)))
                .orElseGet(() -> ConditionEvaluationResult.enabled("documented by dialect " + dialect));
    }

    static String reason(String dialect, String why) {
        return PREFIX + dialect + ": " + why;
    }
}
