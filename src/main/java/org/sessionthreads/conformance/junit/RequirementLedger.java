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
import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.events.EventTimings;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.DiscoverySection;
import org.sessionthreads.conformance.report.Judgement;
import org.sessionthreads.conformance.report.ResultsBundle;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.SummaryWriter;
import org.sessionthreads.conformance.report.Verdict;

/**
 * Turns the JUnit results of a run into the suite's verdicts per requirement and writes
 * {@code <reports_dir>/summary.json} and {@code summary.md} plus the console table at the end of the run
 * (registered with ServiceLoader as a launcher listener). It stays silent in runs without conformance scenarios.
 * {@code reports_dir} is the configuration parameter {@code conformance.reports_dir} (default {@code reports}).
 *
 * <p>A run that is interrupted (Ctrl-C, a CI cancel: SIGINT/SIGTERM to the JVM) never reaches the end of its test
 * plan; a JVM shutdown hook then writes the summary of what ran instead, every scenario that had started but not
 * finished an ERROR "not finished", and the run itself an ERROR. The summary is written once: by whichever of the
 * end of the plan and the hook comes first.
 */
public final class RequirementLedger implements TestExecutionListener {
    private static final java.util.regex.Pattern NAMED_AFTER_REQUIREMENT =
            java.util.regex.Pattern.compile("[A-Z]+-[0-9]{3} ");
    private static final String SCENARIOS_PACKAGE = "org.sessionthreads.conformance.scenarios.";
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final List<ScenarioOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ScenarioOutcome> audit = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> run = new ConcurrentHashMap<>();
    private final AtomicLong tokenAnswers = new AtomicLong();
    private final AtomicLong tokenRefused = new AtomicLong();
    private final Map<String, TestIdentifier> running = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean written = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<EventTimings.Sample> eventSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<RunMeasurements.ScenarioInterleavings> races =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile TestPlan plan;
    private volatile Instant runStarted;
    private volatile Thread interruptHook;
    private final List<String> classFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The summary the last run in this JVM wrote (the runner's exit code comes from it). */
    private static final java.util.concurrent.atomic.AtomicReference<RunSummary> LAST =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The summary the last finished (or interrupted) run in this JVM wrote, if any. */
    public static Optional<RunSummary> lastSummary() {
        return Optional.ofNullable(LAST.get());
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStarted = Instant.now();
        if (containsScenarios(testPlan)) {
            Thread hook = new Thread(() -> writeInterrupted(testPlan), "conformance-interrupted-run-summary");
            interruptHook = hook;
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), Instant.now());
        if (id.isTest()) {
            running.put(id.getUniqueId(), id);
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(ConformanceExtension.PROFILE_ENTRY) || key.equals(ConformanceExtension.TARGET_ENTRY)
                    || key.equals(ConformanceExtension.TARGET_URL_ENTRY)
                    || key.equals(ConformanceExtension.FIXTURES_ENTRY) || key.equals(SettingsEntry.KEY)
                    || key.equals(ConformanceExtension.DISCOVERY_ENTRY)
                    || key.equals(ConformanceExtension.START_FAILURE_ENTRY)
                    || key.equals(AuditExtension.AUDIT_ENTRY)
                    || key.equals(ConformanceExtension.ENVIRONMENT_ENTRY)) {
                run.put(key, value);
            } else if (key.equals(RequestsEntry.KEY)) {
                run.merge(key, value, RequestsEntry::later);
            } else if (key.equals(ConformanceExtension.FINDINGS_ENTRY)) {
                run.merge(key, value, (known, more) -> String.join("\n", new java.util.LinkedHashSet<>(
                        List.of((known + "\n" + more).split("\n")))));
            }
        });
        entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        requirementOf(id).ifPresent(requirement -> outcomes.add(new ScenarioOutcome(requirement, scenarioName(id),
                Verdict.DISABLED, false, reason, Duration.ZERO, "", List.of(), "")));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            // why: a scenario class that fails before its scenarios (beforeAll), or a template or the audit's factory
            // that fails before its invocations, reports none of them; without this the run would pass with those
            // requirements silently "not run"
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                scenarioContainer(id).ifPresent(kind -> classFailures.add(id.getDisplayName() + " failed before its "
                        + kind + ": " + reason(result)));
            }
            return;
        }
        running.remove(id.getUniqueId());
        requirementOf(id).ifPresent(requirement -> {
            Map<String, String> recorded = entries.getOrDefault(id.getUniqueId(), Map.of());
            tokenAnswers.addAndGet(Long.parseLong(recorded.getOrDefault(ScenarioRecording.TOKEN_ANSWERS, "0")));
            tokenRefused.addAndGet(Long.parseLong(recorded.getOrDefault(ScenarioRecording.TOKEN_REFUSED, "0")));
            String exchanges = recorded.getOrDefault(ScenarioRecording.EXCHANGES, "");
            eventSamples.addAll(MeasurementsEntry.decodeTimings(recorded.get(MeasurementsEntry.EVENT_TIMINGS)));
            Map<String, Map<String, Integer>> interleavings =
                    MeasurementsEntry.decodeInterleavings(recorded.get(MeasurementsEntry.INTERLEAVINGS));
            if (!interleavings.isEmpty()) {
                races.add(new RunMeasurements.ScenarioInterleavings(requirement, scenarioName(id), interleavings));
            }
            Judgement judgement = ScenarioJudgements.of(result);
            ScenarioOutcome outcome = new ScenarioOutcome(requirement, scenarioName(id), judgement.verdict(),
                    judgement.blocking(), reason(result),
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
        Thread hook = interruptHook;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run; whichever writes first wins
            }
        }
        if (outcomes.isEmpty() && !containsScenarios(testPlan)) {
            return;
        }
        write(testPlan, List.copyOf(outcomes), List.of());
    }

    /**
     * The shutdown hook's work: the summary of what ran, when the plan did not finish. Scenarios still running are
     * ERROR "not finished"; package-private so the self-test can drive it without killing a JVM.
     */
    void writeInterrupted(TestPlan testPlan) {
        List<ScenarioOutcome> all = new ArrayList<>(outcomes);
        running.values().forEach(id -> requirementOf(id).ifPresent(requirement -> all.add(new ScenarioOutcome(
                requirement, scenarioName(id), Verdict.ERROR, true, INTERRUPTED_SCENARIO,
                Duration.between(started.getOrDefault(id.getUniqueId(), Instant.now()), Instant.now()),
                "", List.of(), ""))));
        write(testPlan, all, List.of(INTERRUPTED_RUN));
    }

    /** The reason of a scenario that had started when the run was interrupted. */
    static final String INTERRUPTED_SCENARIO = "not finished: the run was interrupted (JVM shutdown) while this"
            + " scenario ran";
    /** The run-level problem of an interrupted run. */
    static final String INTERRUPTED_RUN = "the run was interrupted before it finished: scenarios not started are"
            + " \"not run\"";

    private void write(TestPlan testPlan, List<ScenarioOutcome> scenarioOutcomes, List<String> problems) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        List<RunSummary.Setting> settings = SettingsEntry.decode(run.get(SettingsEntry.KEY));
        // why: the levels in the summary are the dialect's (a requirement may be a SHOULD under one dialect)
        String dialect = settings.stream().filter(s -> s.key().equals("dialect")).map(RunSummary.Setting::value)
                .findFirst().orElse(Dialect.DEFAULT.wireName());
        RunSummary summary = RunSummary.of(RequirementCatalogue.load().forDialect(dialect), scenarioOutcomes,
                run.getOrDefault(ConformanceExtension.PROFILE_ENTRY, "(run did not start)"),
                run.getOrDefault(ConformanceExtension.TARGET_ENTRY, "(no target)"),
                run.getOrDefault(ConformanceExtension.TARGET_URL_ENTRY, ""), runStarted, Instant.now(),
                tokenAnswers.get(), tokenRefused.get(), run.getOrDefault(ConformanceExtension.FIXTURES_ENTRY, ""))
                .withSettings(settings)
                .withDiscovery(DiscoverySection.fromJson(run.get(ConformanceExtension.DISCOVERY_ENTRY)))
                .withRequests(RequestsEntry.decode(run.get(RequestsEntry.KEY)))
                .withMeasurements(RunMeasurements.of(List.copyOf(eventSamples), List.copyOf(races))
                        .withFindings(findings()));
        summary = summary.withProblems(problems);
        String startFailure = run.get(ConformanceExtension.START_FAILURE_ENTRY);
        if (startFailure != null) { // why: the one line every scenario would have errored with, named once
            summary = summary.withProblem("the run could not start: " + startFailure);
        } else {
            summary = summary.withProblems(List.copyOf(classFailures));
        }
        if (!audit.isEmpty() || run.containsKey(AuditExtension.AUDIT_ENTRY)) {
            summary = summary.withAudit(new RunSummary.AuditSection(
                    run.getOrDefault(AuditExtension.AUDIT_ENTRY, "(the audit did not run)"), List.copyOf(audit)));
        }
        Path dir = Path.of(testPlan.getConfigurationParameters().get("conformance.reports_dir").orElse("reports"));
        BuildInfo build = BuildInfo.load();
        LAST.set(summary);
        ResultsBundle.write(summary, build, dir, Optional.empty(), Optional.of(environment(build)));
        System.out.print(SummaryWriter.consoleTable(summary));
    }

    /** The findings about the target the run published (WARN lines), in the order first published. */
    private List<String> findings() {
        String lines = run.get(ConformanceExtension.FINDINGS_ENTRY);
        return lines == null ? List.of() : List.of(lines.split("\n"));
    }

    /** The Allure Environment panel: suite version and commit, then what the run published (redacted). */
    private Map<String, String> environment(BuildInfo build) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("suite.version", build.version());
        environment.put("suite.commit", build.commit());
        Map<String, String> published = SettingsEntry.decodePairs(run.get(ConformanceExtension.ENVIRONMENT_ENTRY));
        if (published.isEmpty()) {
            environment.put("profile", run.getOrDefault(ConformanceExtension.PROFILE_ENTRY, "(run did not start)"));
        }
        environment.putAll(published);
        return environment;
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

    /**
     * The scenario's name in the summary and the JUnit XML: its display name (the requirement's id and title),
     * followed by the invocation's in brackets for an invocation of a template, e.g.
     * {@code "EVT-001 An archive emits one terminated event [via sse]"}.
     */
    private String scenarioName(TestIdentifier id) {
        if (plan == null || NAMED_AFTER_REQUIREMENT.matcher(id.getDisplayName()).lookingAt()) {
            return id.getDisplayName(); // why: e.g. an audit check, named "ARCH-004 audit: …" by itself
        }
        // why: a template's invocations have the template's method source too; their parent is the template
        return plan.getParent(id).filter(parent -> parent.getSource().filter(MethodSource.class::isInstance)
                .isPresent()).map(parent -> parent.getDisplayName() + " [" + id.getDisplayName() + "]")
                .orElse(id.getDisplayName());
    }

    private Optional<java.lang.reflect.Method> method(TestIdentifier id) {
        Optional<java.lang.reflect.Method> own = id.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaMethod());
        if (own.isPresent() || plan == null) {
            return own;
        }
        return plan.getParent(id).flatMap(this::method);
    }

    /** For a container of the scenarios package: what it holds ("scenarios" for a class, else "invocations"). */
    private static Optional<String> scenarioContainer(TestIdentifier id) {
        Object source = id.getSource().orElse(null);
        if (source instanceof org.junit.platform.engine.support.descriptor.ClassSource c
                && c.getClassName().startsWith(SCENARIOS_PACKAGE)) {
            return Optional.of("scenarios");
        }
        if (source instanceof MethodSource m && m.getClassName().startsWith(SCENARIOS_PACKAGE)) {
            return Optional.of("invocations");
        }
        return Optional.empty();
    }

    private static boolean containsScenarios(TestPlan testPlan) {
        return testPlan.getRoots().stream().flatMap(root -> testPlan.getDescendants(root).stream())
                .anyMatch(id -> id.getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getClassName().startsWith(SCENARIOS_PACKAGE)).orElse(false));
    }
}
