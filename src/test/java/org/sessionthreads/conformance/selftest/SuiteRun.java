package org.sessionthreads.conformance.selftest;

import org.sessionthreads.conformance.ConformanceSuite;
import org.sessionthreads.conformance.SuiteConfiguration;
import org.junit.platform.suite.api.SelectClasses;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.junit.AuditChecks;
import org.sessionthreads.conformance.junit.Requirement;

/**
 * Runs the scenarios in this JVM through the JUnit EngineTestKit against the embedded reference server started
 * with the given options, and reports which requirements failed. Used by the self-tests only. Several runs may go
 * on at once in one JVM: each starts its own server on its own port.
 *
 * <pre>{@code
 * SuiteRun run = SuiteRun.run(SuiteRun.Setup.of(Map.of("faults", "LENIENT_AUTH"), dir)
 *         .withSetting("timeouts.event", "4s").withoutScenarioOf("UNB-002"));
 * run.requirementsNotMet();   // [AUTH-001]
 * }</pre>
 */
public final class SuiteRun {
    /**
     * Test invocations of a whole run on the reference profile (archive-page, every channel offered): every
     * scenario method, each event scenario once per channel, and the end-of-run audit's checks, as {@code mvn verify}
     * prints them ("Tests run"). Counted from the scenario methods' annotations ({@link ScenarioMethods}), not from
     * a run, so that losing a scenario class from the suite, a channel's invocations or the audit fails the
     * self-tests that compare a run against it.
     */
    public static final int REFERENCE_INVOCATIONS = ScenarioMethods.invocations(Dialect.DEFAULT);
    private final EngineExecutionResults results;

    private SuiteRun(EngineExecutionResults results) {
        this.results = results;
    }

    /**
     * What to run.
     *
     * @param embeddedOptions reference server options (e.g. {@code faults=COORDINATOR_ARCHIVABLE}), written into
     *                        a temporary profile based on profiles/reference.yaml
     * @param settings        profile settings that override the file (e.g. {@code timeouts.event=4s}), passed as
     *                        {@code conformance.*} configuration parameters
     * @param leftOut         a requirement id whose scenario is left out, as if it had been deleted
     * @param workDir         where the temporary profile is written
     */
    public record Setup(Map<String, String> embeddedOptions, Map<String, String> settings, Optional<String> leftOut,
                        Optional<Set<String>> only, Path workDir) {
        public Setup {
            embeddedOptions = Map.copyOf(embeddedOptions);
            settings = Map.copyOf(settings);
            only = only.map(Set::copyOf);
        }

        public static Setup of(Map<String, String> embeddedOptions, Path workDir) {
            return new Setup(embeddedOptions, Map.of(), Optional.empty(), Optional.empty(), workDir);
        }

        public Setup withSetting(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(settings);
            more.put(key, value);
            return new Setup(embeddedOptions, more, leftOut, only, workDir);
        }

        public Setup withoutScenarioOf(String requirementId) {
            return new Setup(embeddedOptions, settings, Optional.of(requirementId), only, workDir);
        }

        /**
         * Only the scenario methods of {@code requirementIds} (with all their invocations), and the end-of-run
         * audit's checks, which judge whatever sessions those scenarios made.
         */
        public Setup withOnlyScenariosOf(Set<String> requirementIds) {
            return new Setup(embeddedOptions, settings, leftOut, Optional.of(requirementIds), workDir);
        }
    }

    /**
     * @param embeddedOptions reference server options (e.g. {@code faults=COORDINATOR_ARCHIVABLE}), written into
     *                        a temporary profile based on profiles/reference.yaml
     */
    public static SuiteRun againstReferenceServer(Map<String, String> embeddedOptions, Path workDir) {
        return run(Setup.of(embeddedOptions, workDir));
    }

    public static SuiteRun run(Setup setup) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(".*Scenarios"))
                .configurationParameter("conformance.profile", profileWith(setup).toString())
                .configurationParameters(SuiteConfiguration.PARAMETERS);
        ConcurrentScenarios.PARALLEL.forEach(kit::configurationParameter);
        setup.settings().forEach((key, value) -> kit.configurationParameter("conformance." + key, value));
        // why: JUnit's parallelism strategy reads only its own spelling of the setting, which PARALLEL also sets
        Optional.ofNullable(setup.settings().get("concurrency")).map(Integer::parseInt)
                .map(SuiteConfiguration::concurrency).ifPresent(n -> n.forEach(kit::configurationParameter));
        setup.leftOut().ifPresent(requirementId -> kit.filters(leaveOut(requirementId)));
        setup.only().ifPresent(requirementIds -> kit.filters(keepOnly(requirementIds)));
        return new SuiteRun(kit.execute());
    }

    /**
     * Runs the scenarios with the shipped (or ./profiles) profile {@code profile} as it is, e.g. {@code reference-cas},
     * and {@code settings} on top ({@code conformance.*} configuration parameters).
     */
    public static SuiteRun withProfile(String profile, Map<String, String> settings) {
        return withProfile(profile, settings, ".*Scenarios");
    }

    /** As {@link #withProfile(String, Map)}, only the scenario classes whose name matches {@code classPattern}. */
    public static SuiteRun withProfile(String profile, Map<String, String> settings, String classPattern) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(classPattern))
                .configurationParameter("conformance.profile", profile)
                .configurationParameters(SuiteConfiguration.PARAMETERS);
        ConcurrentScenarios.PARALLEL.forEach(kit::configurationParameter);
        settings.forEach((key, value) -> kit.configurationParameter("conformance." + key, value));
        return new SuiteRun(kit.execute());
    }

    /**
     * Runs the scenarios with a temporary profile that extends {@code profile} and sets {@code embeddedOptions} on
     * its embedded server (e.g. {@code dialect=cas}), written into {@code workDir}; only the scenario classes whose
     * name matches {@code classPattern}.
     */
    public static SuiteRun withProfile(String profile, Map<String, String> embeddedOptions, Map<String, String> settings,
                                       Path workDir, String classPattern) {
        try {
            Path file = Files.createTempFile(workDir, "profile-", ".yaml");
            Files.writeString(file, "extends: " + profile + "\nembedded_options:\n" + embeddedOptions.entrySet()
                    .stream().map(e -> "  " + e.getKey() + ": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining("\n")) + "\n");
            return withProfile(file.toString(), settings, classPattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per requirement with a skipped scenario (DISABLED): the reason JUnit was given. */
    public Map<String, String> skipReasons() {
        Map<String, String> reasons = new java.util.TreeMap<>();
        results.allEvents().skipped().stream().forEach(e -> requirementOf(e.getTestDescriptor()).ifPresent(id ->
                reasons.put(id, e.getPayload(String.class).orElse(""))));
        return reasons;
    }

    /** Ids of the requirements with a test that ran and a test that was skipped. */
    public Set<String> requirementsPartlySkipped() {
        Set<String> ran = results.testEvents().finished().stream().map(e -> requirementOf(e.getTestDescriptor()))
                .flatMap(Optional::stream).collect(Collectors.toSet());
        Set<String> partly = new TreeSet<>(results.testEvents().skipped().stream()
                .map(e -> requirementOf(e.getTestDescriptor())).flatMap(Optional::stream).toList());
        partly.retainAll(ran);
        return partly;
    }

    /** Ids of the requirements with at least one scenario that was skipped (DISABLED), sorted. */
    public Set<String> requirementsSkipped() {
        return results.allEvents().skipped().stream().map(e -> requirementOf(e.getTestDescriptor()))
                .flatMap(Optional::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path profileWith(Setup setup) {
        Map<String, String> options = setup.embeddedOptions();
        try {
            String base = Files.readString(Path.of("profiles", "reference.yaml"))
                    .replace("embedded_options: {}", "embedded_options:\n" + options.entrySet().stream()
                            .map(e -> "  " + e.getKey() + ": \"" + e.getValue() + "\"")
                            .collect(Collectors.joining("\n")));
            Path file = Files.createTempFile(setup.workDir(), "profile-", ".yaml");
            Files.writeString(file, options.isEmpty() ? base.replace("embedded_options:\n", "") : base);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves out the scenario method (with all its invocations) that carries {@code @Requirement(requirementId)}. */
    private static PostDiscoveryFilter leaveOut(String requirementId) {
        return descriptor -> FilterResult.includedIf(
                !requirementOf(descriptor).filter(requirementId::equals).isPresent(),
                () -> "kept", () -> "the scenario of " + requirementId + " is left out");
    }

    /**
     * Keeps the scenario methods of {@code requirementIds}; every descriptor without a requirement (classes, the
     * audit's factory, whose checks are generated when it runs) stays.
     */
    private static PostDiscoveryFilter keepOnly(Set<String> requirementIds) {
        return descriptor -> FilterResult.includedIf(
                requirementOf(descriptor).map(requirementIds::contains).orElse(true),
                () -> "kept", () -> "not a scenario of " + requirementIds);
    }

    /**
     * The requirement ids that some scenario method carries ({@code @Requirement}); a requirement outside it is
     * judged by the end-of-run audit alone.
     */
    public static Set<String> requirementsWithScenarios() {
        return java.util.Arrays.stream(ConformanceSuite.class.getAnnotation(SelectClasses.class).value())
                .flatMap(type -> java.util.Arrays.stream(type.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Requirement.class)).filter(java.util.Objects::nonNull)
                .map(Requirement::value).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every report entry the run published, merged (a later entry of the same key wins). */
    public Map<String, String> reportEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class))
                .flatMap(Optional::stream).forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return entries;
    }

    public long succeeded() {
        return results.testEvents().succeeded().count();
    }

    public long started() {
        return results.testEvents().started().count();
    }

    /** Requirement ids of the scenarios that did not succeed (failed or aborted), sorted. */
    public Set<String> requirementsNotMet() {
        return results.testEvents().finished().stream()
                .filter(e -> status(e) != TestExecutionResult.Status.SUCCESSFUL)
                .map(e -> requirementOf(e.getTestDescriptor())).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the invocations of {@code requirementId}'s scenarios that did not succeed threw, in order. */
    public List<Throwable> thrownBy(String requirementId) {
        return results.testEvents().finished().stream()
                .filter(e -> requirementOf(e.getTestDescriptor()).filter(requirementId::equals).isPresent())
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                .flatMap(Optional::stream).toList();
    }

    /** One line per scenario or container that did not succeed, with its message, for failure diagnostics. */
    public String problems() {
        return results.allEvents().finished().stream()
                .filter(e -> status(e) != TestExecutionResult.Status.SUCCESSFUL)
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    private static TestExecutionResult.Status status(Event event) {
        return event.getPayload(TestExecutionResult.class).map(TestExecutionResult::getStatus)
                .orElse(TestExecutionResult.Status.FAILED);
    }

    private static Optional<String> requirementOf(TestDescriptor descriptor) {
        Optional<String> audited = AuditChecks.requirementOf(descriptor.getSource().orElse(null))
                .or(() -> org.sessionthreads.conformance.junit.ExplorationChecks.requirementOf(
                        descriptor.getSource().orElse(null)));
        if (audited.isPresent()) {
            return audited;
        }
        return methodOf(descriptor).or(() -> descriptor.getParent().flatMap(SuiteRun::methodOf))
                .map(m -> m.getAnnotation(Requirement.class)).map(Requirement::value);
    }

    private static Optional<Method> methodOf(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod);
    }
}
