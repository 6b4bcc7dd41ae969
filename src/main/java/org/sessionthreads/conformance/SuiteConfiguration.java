package org.sessionthreads.conformance;

import java.util.Map;

/**
 * The JUnit configuration every run of the scenarios needs, in one place: {@link ConformanceSuite} carries it as
 * annotations, and launchers that select scenario classes directly (the project's self-tests, the benchmark) pass
 * {@link #PARAMETERS}.
 *
 * <p>Scenario classes, their methods and their per-channel invocations run concurrently, as many at once as the
 * profile's {@code concurrency} setting says ({@code junit.ConcurrencyStrategy}; 1 runs them one after another).
 * What must not overlap is marked on the classes: the end-of-run audit is {@code @Isolated} (docs/concurrency.md).
 */
public final class SuiteConfiguration {

    /** Scenario names come from the requirement catalogue. */
    public static final String DISPLAY_NAME_GENERATOR = "junit.jupiter.displayname.generator.default";
    public static final String REQUIREMENT_NAMES = "org.sessionthreads.conformance.junit.RequirementDisplayNames";

    /** The end-of-run audit ({@code @EndOfRunAudit}, {@code @Order(Integer.MAX_VALUE)}) runs after every class. */
    public static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";
    public static final String BY_ORDER_ANNOTATION = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation";

    /** Concurrent execution of classes and methods, with the parallelism of {@code concurrency}. */
    public static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";
    public static final String MODE = "junit.jupiter.execution.parallel.mode.default";
    public static final String CLASSES_MODE = "junit.jupiter.execution.parallel.mode.classes.default";
    public static final String CONCURRENT = "concurrent";
    public static final String STRATEGY = "junit.jupiter.execution.parallel.config.strategy";
    public static final String CUSTOM = "custom";
    public static final String STRATEGY_CLASS = "junit.jupiter.execution.parallel.config.custom.class";
    public static final String CONCURRENCY_STRATEGY = "org.sessionthreads.conformance.junit.ConcurrencyStrategy";
    /**
     * The executor JUnit runs concurrent scenarios on: its ForkJoinPool, which {@link #CONCURRENCY_STRATEGY} sizes.
     * Named explicitly because JUnit otherwise prints a notice about its newer executor on every run (twice, once
     * per engine), a line users take for a problem.
     */
    public static final String EXECUTOR_SERVICE = "junit.jupiter.execution.parallel.config.executor-service";
    public static final String FORK_JOIN_POOL = "FORK_JOIN_POOL";

    public static final Map<String, String> PARAMETERS = Map.of(
            DISPLAY_NAME_GENERATOR, REQUIREMENT_NAMES,
            CLASS_ORDER, BY_ORDER_ANNOTATION,
            PARALLEL, "true",
            MODE, CONCURRENT,
            CLASSES_MODE, CONCURRENT,
            STRATEGY, CUSTOM,
            STRATEGY_CLASS, CONCURRENCY_STRATEGY,
            EXECUTOR_SERVICE, FORK_JOIN_POOL);

    private SuiteConfiguration() {
    }

    /**
     * The configuration parameters that set {@code concurrency} to {@code n} for a launcher: the run reads
     * {@code conformance.concurrency}; JUnit's parallelism strategy sees only parameters under
     * {@code junit.jupiter.execution.parallel.config.}, so it gets the same value under that prefix.
     */
    public static Map<String, String> concurrency(int n) {
        return Map.of("conformance.concurrency", String.valueOf(n),
                "junit.jupiter.execution.parallel.config.conformance.concurrency", String.valueOf(n));
    }
}
