package org.sessionthreads.conformance.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.SummaryWriter;
import org.sessionthreads.conformance.report.Verdict;

/**
 * Turns the JUnit results of a run into the suite's verdicts per requirement and writes
 * {@code <reports_dir>/summary.json} and {@code summary.md} plus the console table at the end of the run
 * (registered with ServiceLoader as a launcher listener). It stays silent in runs without conformance scenarios.
 * {@code reports_dir} is the configuration parameter {@code conformance.reports_dir} (default {@code reports}).
 */
public final class RequirementLedger implements TestExecutionListener {
    private static final String SCENARIOS_PACKAGE = "org.sessionthreads.conformance.scenarios.";
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final List<ScenarioOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ScenarioOutcome> audit = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> run = new ConcurrentHashMap<>();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private volatile TestPlan plan;
    private volatile Instant runStarted;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStarted = Instant.now();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), Instant.now());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(ConformanceExtension.PROFILE_ENTRY) || key.equals(ConformanceExtension.TARGET_ENTRY)
                    || key.equals(ConformanceExtension.TARGET_URL_ENTRY)
                    || key.equals(ConformanceExtension.FIXTURES_ENTRY) || key.equals(AuditExtension.AUDIT_ENTRY)) {
                run.put(key, value);
            }
        });
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        requirementOf(id).ifPresent(requirement -> outcomes.add(new ScenarioOutcome(requirement, id.getDisplayName(),
                Verdict.DISABLED, false, reason, Duration.ZERO, "", List.of(), "")));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            return;
        }
        requirementOf(id).ifPresent(requirement -> {
            Map<String, String> recorded = entries.getOrDefault(id.getUniqueId(), Map.of());
            responses.addAndGet(Long.parseLong(recorded.getOrDefault(ScenarioRecording.RESPONSES, "0")));
            unauthorized.addAndGet(Long.parseLong(recorded.getOrDefault(ScenarioRecording.UNAUTHORIZED, "0")));
            String exchanges = recorded.getOrDefault(ScenarioRecording.EXCHANGES, "");
            ScenarioOutcome outcome = new ScenarioOutcome(requirement, id.getDisplayName(), verdict(result),
                    result.getStatus() == TestExecutionResult.Status.FAILED, reason(result),
                    Duration.between(started.getOrDefault(id.getUniqueId(), Instant.now()), Instant.now()),
                    recorded.getOrDefault(ScenarioRecording.PROVENANCE, ""),
                    exchanges.isEmpty() ? List.of() : Arrays.asList(exchanges.split(",")),
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? ""
                            : recorded.getOrDefault(ScenarioRecording.REPRODUCE, ""));
            outcomes.add(outcome);
            if (AuditChecks.requirementOf(id.getSource().orElse(null)).isPresent()) {
                audit.add(outcome);
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (outcomes.isEmpty() && !containsScenarios(testPlan)) {
            return;
        }
        RunSummary summary = RunSummary.of(RequirementCatalogue.load(), List.copyOf(outcomes),
                run.getOrDefault(ConformanceExtension.PROFILE_ENTRY, "(run did not start)"),
                run.getOrDefault(ConformanceExtension.TARGET_ENTRY, "(no target)"),
                run.getOrDefault(ConformanceExtension.TARGET_URL_ENTRY, ""), runStarted, Instant.now(),
                responses.get(), unauthorized.get(), run.getOrDefault(ConformanceExtension.FIXTURES_ENTRY, ""));
        if (!audit.isEmpty() || run.containsKey(AuditExtension.AUDIT_ENTRY)) {
            summary = summary.withAudit(new RunSummary.AuditSection(
                    run.getOrDefault(AuditExtension.AUDIT_ENTRY, "(the audit did not run)"), List.copyOf(audit)));
        }
        Path dir = Path.of(testPlan.getConfigurationParameters().get("conformance.reports_dir").orElse("reports"));
        SummaryWriter.write(summary, BuildInfo.load(), dir);
        System.out.print(SummaryWriter.consoleTable(summary));
    }

    /**
     * FAIL and ERROR come from failures (and UNTESTABLE in certify mode); WAIVED, UNTESTABLE, SHOULD warnings and
     * DISABLED from abort reasons.
     */
    static Verdict verdict(TestExecutionResult result) {
        String reason = reason(result);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> Verdict.PASS;
            case FAILED -> reason.startsWith("UNTESTABLE") ? Verdict.UNTESTABLE
                    : result.getThrowable().filter(AssertionError.class::isInstance).isPresent()
                    ? Verdict.FAIL : Verdict.ERROR;
            case ABORTED -> reason.startsWith("WAIVED") ? Verdict.WAIVED
                    : reason.startsWith("UNTESTABLE") ? Verdict.UNTESTABLE
                    : reason.startsWith("SHOULD not met") ? Verdict.FAIL : Verdict.DISABLED;
        };
    }

    private static String reason(TestExecutionResult result) {
        return result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
    }

    private Optional<String> requirementOf(TestIdentifier id) {
        Optional<String> audited = AuditChecks.requirementOf(id.getSource().orElse(null));
        if (audited.isPresent()) {
            return audited;
        }
        Map<String, String> recorded = entries.get(id.getUniqueId());
        if (recorded != null && recorded.containsKey(ScenarioRecording.REQUIREMENT)) {
            return Optional.of(recorded.get(ScenarioRecording.REQUIREMENT));
        }
        return method(id).map(m -> m.getAnnotation(Requirement.class)).map(Requirement::value);
    }

    private Optional<java.lang.reflect.Method> method(TestIdentifier id) {
        Optional<java.lang.reflect.Method> own = id.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaMethod());
        if (own.isPresent() || plan == null) {
            return own;
        }
        return plan.getParent(id).flatMap(this::method);
    }

    private static boolean containsScenarios(TestPlan testPlan) {
        return testPlan.getRoots().stream().flatMap(root -> testPlan.getDescendants(root).stream())
                .anyMatch(id -> id.getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getClassName().startsWith(SCENARIOS_PACKAGE)).orElse(false));
    }
}
