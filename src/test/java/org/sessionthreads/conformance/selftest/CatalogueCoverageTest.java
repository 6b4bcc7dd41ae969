package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.ConformanceSuite;
import org.junit.platform.suite.api.SelectClasses;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.junit.Requirement;

/**
 * Every scenario names exactly one known requirement; every requirement has at most one scenario, and is checked
 * by its scenario or by an end-of-run audit invariant (or both). The table of docs/catalogue.md is generated from
 * the catalogue (GeneratedDocsTest).
 */
class CatalogueCoverageTest {
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @Test
    void should_give_every_scenario_a_known_requirement() {
        List<Method> scenarios = scenarioMethods();

        assertThat(scenarios).isNotEmpty().allSatisfy(method -> {
            assertThat(method.getAnnotation(Requirement.class)).as("@Requirement on %s", method).isNotNull();
            assertThat(catalogue.find(method.getAnnotation(Requirement.class).value()))
                    .as("catalogue entry for %s", method).isPresent();
        });
    }

    @Test
    void should_cover_every_requirement_with_one_scenario_or_an_audit_check() {
        Map<String, Long> scenariosPerId = scenarioMethods().stream()
                .collect(Collectors.groupingBy(m -> m.getAnnotation(Requirement.class).value(),
                        Collectors.counting()));
        Set<String> audited = java.util.Arrays.stream(Invariant.values()).map(Invariant::requirement)
                .collect(Collectors.toSet());

        assertThat(catalogue.entries()).allSatisfy(entry -> {
            assertThat(scenariosPerId.getOrDefault(entry.id(), 0L)).as("scenarios checking %s", entry.id())
                    .isLessThanOrEqualTo(1L);
            assertThat(scenariosPerId.containsKey(entry.id()) || audited.contains(entry.id()))
                    .as("%s is checked by a scenario or an audit invariant", entry.id()).isTrue();
        });
    }

    @Test
    void should_give_every_audit_invariant_a_known_requirement() {
        assertThat(Invariant.values()).allSatisfy(invariant -> assertThat(catalogue.find(invariant.requirement()))
                .as("catalogue entry for audit invariant %s", invariant).isPresent());
    }

    @Test
    void should_list_in_the_suite_every_scenario_class_of_the_package() {
        Set<Class<?>> listed = Set.of(ConformanceSuite.class.getAnnotation(SelectClasses.class).value());
        Set<Class<?>> found = new LinkedHashSet<>();
        scenarioMethodsIncludingAudit().forEach(m -> found.add(m.getDeclaringClass()));

        assertThat(found).as("scenario classes in the package").isNotEmpty();
        assertThat(listed).as("classes ConformanceSuite selects").containsExactlyInAnyOrderElementsOf(found);
    }

    private static List<Method> scenarioMethods() {
        return ScenarioMethods.scenarios();
    }

    private static Set<Method> scenarioMethodsIncludingAudit() {
        return ScenarioMethods.includingAudit();
    }
}
