package org.sessionthreads.conformance.junit;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGenerator;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;

/**
 * Names each scenario after its requirement, e.g. {@code "COORD-001 A coordinator cannot be archived (409)"}, so
 * console output, JUnit XML and Allure all show the catalogue's words. Registered by ConformanceSuite (SuiteConfiguration).
 */
public final class RequirementDisplayNames extends DisplayNameGenerator.Standard {
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                               Method testMethod) {
        Requirement requirement = testMethod.getAnnotation(Requirement.class);
        if (requirement == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        }
        return catalogue.find(requirement.value())
                .map(entry -> entry.id() + " " + entry.title())
                .orElse(requirement.value() + " (not in the catalogue) " + testMethod.getName());
    }
}
