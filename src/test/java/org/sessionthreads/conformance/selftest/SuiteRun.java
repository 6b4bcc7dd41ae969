package org.sessionthreads.conformance.selftest;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import org.sessionthreads.conformance.junit.Requirement;

/**
 * Runs the scenarios in this JVM through the JUnit EngineTestKit against the embedded reference server started
 * with the given options, and reports which requirements failed. Used by the self-tests only.
 */
public final class SuiteRun {
    private final EngineExecutionResults results;

    private SuiteRun(EngineExecutionResults results) {
        this.results = results;
    }

    /**
     * @param embeddedOptions reference server options (e.g. {@code faults=COORDINATOR_ARCHIVABLE}), written into
     *                        a temporary profile based on profiles/reference.yaml
     */
    public static SuiteRun againstReferenceServer(Map<String, String> embeddedOptions, Path workDir) {
        Path profile = profileWith(embeddedOptions, workDir);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectPackage("org.sessionthreads.conformance.scenarios"))
                .filters(includeClassNamePatterns(".*Scenarios"))
                .configurationParameter("conformance.profile", profile.toString())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .execute();
        return new SuiteRun(results);
    }

    private static Path profileWith(Map<String, String> options, Path workDir) {
        try {
            String base = Files.readString(Path.of("profiles", "reference.yaml"))
                    .replace("embedded_options: {}", "embedded_options:\n" + options.entrySet().stream()
                            .map(e -> "  " + e.getKey() + ": \"" + e.getValue() + "\"")
                            .collect(Collectors.joining("\n")));
            Path file = Files.createTempFile(workDir, "profile-", ".yaml");
            Files.writeString(file, options.isEmpty() ? base.replace("embedded_options:\n", "") : base);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                .map(SuiteRun::requirementOf).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
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

    private static Optional<String> requirementOf(Event event) {
        return event.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod)
                .or(() -> parentMethod(event))
                .map(m -> m.getAnnotation(Requirement.class)).map(Requirement::value);
    }

    private static Optional<Method> parentMethod(Event event) {
        return event.getTestDescriptor().getParent().flatMap(p -> p.getSource())
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod);
    }
}
