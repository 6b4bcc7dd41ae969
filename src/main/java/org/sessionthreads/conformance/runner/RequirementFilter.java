package org.sessionthreads.conformance.runner;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.junit.EndOfRunAudit;
import org.sessionthreads.conformance.junit.Requirement;

/**
 * {@code run --only ID…}: keeps the scenario methods whose {@link Requirement} is one of the ids, and the
 * end-of-run audit only when one of its invariants' requirements is named. Classes left without a scenario are
 * pruned by the launcher, so they send nothing. Containers and sources other than methods pass.
 */
final class RequirementFilter implements PostDiscoveryFilter {
    private final Set<String> ids;

    RequirementFilter(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("not a scenario method");
        }
        Method method;
        try {
            method = source.getJavaMethod();
        } catch (RuntimeException notLoadable) {
            return FilterResult.excluded("not a loadable scenario method");
        }
        Requirement requirement = method.getAnnotation(Requirement.class);
        if (requirement != null) {
            return FilterResult.includedIf(ids.contains(requirement.value()), () -> "checks " + requirement.value(),
                    () -> requirement.value() + " is not selected by --only");
        }
        boolean audit = method.getDeclaringClass().isAnnotationPresent(EndOfRunAudit.class)
                && Arrays.stream(Invariant.values()).map(Invariant::requirement).anyMatch(ids::contains);
        return FilterResult.includedIf(audit, () -> "the audit checks a selected requirement",
                () -> "checks no requirement selected by --only");
    }
}
