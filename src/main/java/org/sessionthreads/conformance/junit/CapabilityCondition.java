package org.sessionthreads.conformance.junit;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.sessionthreads.conformance.config.TargetProfile;

/** Disables what {@link RequiresCapability} marks when the profile does not declare the capability. */
final class CapabilityCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresCapability> required = AnnotationSupport.findAnnotation(context.getElement(),
                RequiresCapability.class);
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no capability required");
        }
        Capability capability = required.get().value();
        TargetProfile profile;
        try {
            profile = ConformanceExtension.run(context).profile();
        } catch (RuntimeException notStarted) {
            return ConditionEvaluationResult.enabled("the run did not start; the scenarios report why");
        }
        return capability.isDeclaredBy(profile)
                ? ConditionEvaluationResult.enabled("profile declares " + capability.settingName())
                : ConditionEvaluationResult.disabled("profile does not declare " + capability.settingName()
                + " (profile '" + profile.name() + "': set capabilities." + capability.settingName()
                + ": true if the target offers it; discovery cannot see it with harmless requests)");
    }
}
