package org.sessionthreads.conformance;

import java.util.Map;

/**
 * The JUnit configuration every run of the scenarios needs, in one place: {@link ConformanceSuite} carries it as
 * annotations, and launchers that select scenario classes directly (the project's self-tests) pass
 * {@link #PARAMETERS}.
 */
public final class SuiteConfiguration {

    /** Scenario names come from the requirement catalogue. */
    public static final String DISPLAY_NAME_GENERATOR = "junit.jupiter.displayname.generator.default";
    public static final String REQUIREMENT_NAMES = "org.sessionthreads.conformance.junit.RequirementDisplayNames";

    /** The end-of-run audit ({@code @EndOfRunAudit}, {@code @Order(Integer.MAX_VALUE)}) runs after every class. */
    public static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";
    public static final String BY_ORDER_ANNOTATION = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation";

    public static final Map<String, String> PARAMETERS = Map.of(
            DISPLAY_NAME_GENERATOR, REQUIREMENT_NAMES,
            CLASS_ORDER, BY_ORDER_ANNOTATION);

    private SuiteConfiguration() {
    }
}
