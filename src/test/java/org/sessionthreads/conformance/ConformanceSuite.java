package org.sessionthreads.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The conformance suite: every scenario class, run against the target the profile names (the embedded reference
 * server by default). {@code mvn verify} runs it through Failsafe.
 */
@Suite
@SuiteDisplayName("Thread-archive conformance suite")
@SelectPackages("org.sessionthreads.conformance.scenarios")
@IncludeClassNamePatterns(".*Scenarios")
public class ConformanceSuite {
}
