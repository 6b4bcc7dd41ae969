package org.sessionthreads.conformance.selftest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import org.sessionthreads.conformance.SuiteConfiguration;
import org.sessionthreads.conformance.audit.Invariant;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.junit.EndOfRunAudit;
import org.sessionthreads.conformance.junit.EventChannelTest;

/**
 * The scenario methods as the suite discovers them by scanning the scenarios package (not a hand-kept list), and
 * the test invocations a run makes of them: the counts the self-tests and the generated docs use instead of
 * numbers typed by hand.
 *
 * <pre>{@code
 * ScenarioMethods.invocations(Dialect.DEFAULT)   // every scenario, event scenarios once per channel, audit checks
 * }</pre>
 */
public final class ScenarioMethods {
    private static final String PACKAGE = "org.sessionthreads.conformance.scenarios";

    private ScenarioMethods() {
    }

    /** Every test method of the package, the end-of-run audit's test factory included. */
    public static Set<Method> includingAudit() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(PACKAGE))
                .configurationParameters(SuiteConfiguration.PARAMETERS)
                .filters(ClassNameFilter.includeClassNamePatterns(".*Scenarios"))
                .build();
        TestPlan plan = LauncherFactory.create().discover(request);
        Set<Method> methods = new LinkedHashSet<>();
        collect(plan, plan.getRoots(), methods);
        return methods;
    }

    /** The scenario methods: the audit's test factory is no scenario (its dynamic tests name their requirements). */
    public static List<Method> scenarios() {
        return includingAudit().stream()
                .filter(m -> !m.getDeclaringClass().isAnnotationPresent(EndOfRunAudit.class))
                .filter(m -> !m.getDeclaringClass().isAnnotationPresent(
                        org.sessionthreads.conformance.junit.ExplorationRun.class)).toList();
    }

    /**
     * The test invocations of a whole run under {@code dialect} with every event channel offered, as Surefire counts
     * them ("Tests run"): one per {@code @Test}, one per argument of an {@code @EnumSource}, one per channel (times
     * one per case) of an {@link EventChannelTest}, and one per audit invariant the dialect does not disable.
     *
     * @throws IllegalStateException for a kind of test method this count does not know yet
     */
    public static int invocations(Dialect dialect) {
        return includingAudit().stream().mapToInt(method -> invocationsOf(method, dialect)).sum();
    }

    /** The event scenarios (those run once per channel). */
    public static long eventScenarios() {
        return scenarios().stream().filter(m -> m.isAnnotationPresent(EventChannelTest.class)).count();
    }

    private static int invocationsOf(Method method, Dialect dialect) {
        if (method.isAnnotationPresent(Test.class)) {
            return 1;
        }
        if (method.isAnnotationPresent(EventChannelTest.class)) {
            Class<?> cases = method.getAnnotation(EventChannelTest.class).cases();
            return EventChannel.values().length * (cases == void.class ? 1 : cases.getEnumConstants().length);
        }
        EnumSource source = method.getAnnotation(EnumSource.class);
        if (method.isAnnotationPresent(ParameterizedTest.class) && source != null && source.names().length == 0) {
            return source.value().getEnumConstants().length;
        }
        if (method.isAnnotationPresent(TestFactory.class)
                && method.getDeclaringClass().isAnnotationPresent(EndOfRunAudit.class)) {
            RequirementCatalogue catalogue = RequirementCatalogue.load();
            return (int) Arrays.stream(Invariant.values()).filter(invariant -> catalogue.find(invariant.requirement())
                    .flatMap(entry -> entry.disabledIn(dialect.wireName())).isEmpty()).count();
        }
        if (method.isAnnotationPresent(TestFactory.class) && method.getDeclaringClass()
                .isAnnotationPresent(org.sessionthreads.conformance.junit.ExplorationRun.class)) {
            return 0; // why: exploration is off in the reference profile (explore.enabled: certify, certify false)
        }
        throw new IllegalStateException("ScenarioMethods cannot count the invocations of " + method
                + ": teach it this kind of test method");
    }

    private static void collect(TestPlan plan, Set<TestIdentifier> identifiers, Set<Method> into) {
        for (TestIdentifier id : identifiers) {
            id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .ifPresent(source -> into.add(source.getJavaMethod()));
            collect(plan, plan.getChildren(id), into);
        }
    }
}
