package org.sessionthreads.conformance;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;
import org.sessionthreads.conformance.scenarios.ArchiveEventScenarios;
import org.sessionthreads.conformance.scenarios.ArchiveRejectionScenarios;
import org.sessionthreads.conformance.scenarios.ArchiveSideEffectScenarios;
import org.sessionthreads.conformance.scenarios.ArchiveThreadScenarios;
import org.sessionthreads.conformance.scenarios.AuthenticationScenarios;
import org.sessionthreads.conformance.scenarios.ConcurrentArchiveScenarios;
import org.sessionthreads.conformance.scenarios.EndOfRunAuditScenarios;
import org.sessionthreads.conformance.scenarios.ExplorationScenarios;
import org.sessionthreads.conformance.scenarios.IdempotencyScenarios;
import org.sessionthreads.conformance.scenarios.NotFoundScenarios;
import org.sessionthreads.conformance.scenarios.ReArchiveScenarios;
import org.sessionthreads.conformance.scenarios.WireFormatScenarios;

/**
 * The conformance suite: every scenario class, run against the target the profile names (the embedded reference
 * server by default). {@code mvn verify} runs it through Failsafe; the runner jar launches this class by name.
 *
 * <p>Why the classes are listed rather than a package scanned: the suite ships in a jar that other builds put on
 * their classpath, and a scan would pick up whatever else lives in that package there. CatalogueCoverageTest
 * fails when a scenario class exists that is not listed here.
 *
 * <p>Why the configuration is here rather than in {@code junit-platform.properties}: a properties file in a
 * shipped jar competes with the consumer's own (JUnit takes the first one found and warns), and a fat jar can
 * only hold one. The suite engine hands these parameters to the Jupiter run it starts.
 */
@Suite
@SuiteDisplayName("Thread-archive conformance suite")
@SelectClasses({
        AuthenticationScenarios.class,
        NotFoundScenarios.class,
        ArchiveThreadScenarios.class,
        ArchiveRejectionScenarios.class,
        ArchiveSideEffectScenarios.class,
        ArchiveEventScenarios.class,
        ReArchiveScenarios.class,
        IdempotencyScenarios.class,
        ConcurrentArchiveScenarios.class,
        WireFormatScenarios.class,
        ExplorationScenarios.class,
        EndOfRunAuditScenarios.class})
@ConfigurationParameter(key = SuiteConfiguration.DISPLAY_NAME_GENERATOR, value = SuiteConfiguration.REQUIREMENT_NAMES)
@ConfigurationParameter(key = SuiteConfiguration.CLASS_ORDER, value = SuiteConfiguration.BY_ORDER_ANNOTATION)
@ConfigurationParameter(key = SuiteConfiguration.PARALLEL, value = "true")
@ConfigurationParameter(key = SuiteConfiguration.MODE, value = SuiteConfiguration.CONCURRENT)
@ConfigurationParameter(key = SuiteConfiguration.CLASSES_MODE, value = SuiteConfiguration.CONCURRENT)
@ConfigurationParameter(key = SuiteConfiguration.STRATEGY, value = SuiteConfiguration.CUSTOM)
@ConfigurationParameter(key = SuiteConfiguration.STRATEGY_CLASS, value = SuiteConfiguration.CONCURRENCY_STRATEGY)
@ConfigurationParameter(key = SuiteConfiguration.EXECUTOR_SERVICE, value = SuiteConfiguration.FORK_JOIN_POOL)
public class ConformanceSuite {
}
