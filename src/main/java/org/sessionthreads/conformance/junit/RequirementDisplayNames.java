package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayNameGenerator;

import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

/**
 * Names each scenario after its requirement, e.g. {@code "COORD-001 A coordinator cannot be archived (409)"}, so
 * console output, JUnit XML and Allure all show the catalogue's words, and the end-of-run audit after what it is
 * (never a Java method's name). Registered by ConformanceSuite (SuiteConfiguration).
 */
public final class RequirementDisplayNames extends DisplayNameGenerator.Standard {
    /**
     * The end-of-run audit's factory: it checks several requirements, each of its dynamic tests is named after one
     * ({@code "LIST-001 audit: …"}), so the container is named after what it is, with the requirements it checks.
     */
    /** Exploration's factory: each of its dynamic tests is named after the requirement its findings fail. */
    static final String EXPLORATION = "Exploration of every short sequence against the model";

    static final String AUDIT = "End-of-run audit of " + Arrays.stream(Invariant.values())
            .map(Invariant::requirement).distinct().collect(Collectors.joining(", "));
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                               Method testMethod) {
        Requirement requirement = testMethod.getAnnotation(Requirement.class);
        if (requirement == null && testClass.isAnnotationPresent(EndOfRunAudit.class)) {
            return AUDIT;
        }
        if (requirement == null && testClass.isAnnotationPresent(ExplorationRun.class)) {
            return EXPLORATION;
        }
        if (requirement == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        }
        return catalogue.find(requirement.value())
                .map(entry -> entry.id() + " " + entry.title())
                .orElse(requirement.value() + " (not in the catalogue) " + testMethod.getName());
    }
}
