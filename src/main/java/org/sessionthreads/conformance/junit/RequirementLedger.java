package org.sessionthreads.conformance.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import org.sessionthreads.conformance.baseline.BaselineGate;
import org.sessionthreads.conformance.config.ConsoleOptions;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.Judgement;
import org.sessionthreads.conformance.report.ResultsBundle;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.ConsoleTable;
import org.sessionthreads.conformance.report.Verdict;

/**
 * Turns the JUnit results of a run and its {@link RunRecord} into the suite's verdicts per requirement and writes
 * the results bundle into {@code <reports_dir>} plus the console table at the end of the run (one per launcher
 * session, see {@link RunRecordSession}). It stays silent in runs without conformance scenarios.
 * {@code reports_dir} is the configuration parameter {@code conformance.reports_dir} (default {@code reports}).
 *
 * <p>A run that is interrupted (Ctrl-C, a CI cancel: SIGINT/SIGTERM to the JVM) never reaches the end of its test
 * plan; a JVM shutdown hook then writes the summary of what ran instead, every scenario that had started but not
 * finished an ERROR "not finished", and the run itself an ERROR. The summary is written once: by whichever of the
 * end of the plan and the hook comes first.
 */
public final class RequirementLedger implements TestExecutionListener {
    private static final Pattern NAMED_AFTER_REQUIREMENT = Pattern.compile("[A-Z]+-[0-9]{3} ");
    private static final String SCENARIOS_PACKAGE = "org.sessionthreads.conformance.scenarios.";
    private final NamespacedHierarchicalStore<Namespace> session;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final List<ScenarioOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<ScenarioOutcome> audit = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, TestIdentifier> running = new ConcurrentHashMap<>();
    private final AtomicBoolean written = new AtomicBoolean();
    private final List<String> classFailures = Collections.synchronizedList(new ArrayList<>());
    private final RunTally tally = new RunTally();
    private volatile RunRecord record = new RunRecord();
    private volatile TestPlan plan;
    private volatile Instant runStarted;
    private volatile Thread interruptHook;

    /** @param session the launcher session's store, where the run's record and summary live */
    RequirementLedger(NamespacedHierarchicalStore<Namespace> session) {
        this.session = session;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStarted = Instant.now();
        record = RunRecordSession.freshRecord(session);
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
    public void executionSkipped(TestIdentifier id, String reason) {
        requirementOf(id).ifPresent(requirement -> outcomes.add(new ScenarioOutcome(requirement, scenarioName(id),
                Verdict.DISABLED, false, reason, Duration.ZERO, "", List.of(), Reproduction.NONE)));
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
            Optional<ScenarioRecord> recorded = record.scenario(id.getUniqueId());
            recorded.ifPresent(r -> tally.add(requirement, scenarioName(id), r));
            Judgement judgement = ScenarioJudgements.of(result);
            ScenarioOutcome outcome = new ScenarioOutcome(requirement, scenarioName(id), judgement.verdict(),
                    judgement.blocking(), reason(result),
                    Duration.between(started.getOrDefault(id.getUniqueId(), Instant.now()), Instant.now()),
                    recorded.map(ScenarioRecord::provenance).orElse(""),
                    recorded.map(ScenarioRecord::exchanges).orElse(List.of()),
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? Reproduction.NONE
                            : recorded.map(ScenarioRecord::reproduction).orElse(Reproduction.NONE),
                    ScenarioJudgements.reasonClass(result),
                    recorded.map(ScenarioRecord::evidence).orElse(List.of()));
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
                "", List.of(), Reproduction.NONE, "Interrupted", List.of()))));
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
        BuildInfo build = BuildInfo.load();
        // why: gate, min_index and the baseline are part of the summary, so every report and the exit code agree
        RunSummary summary = BaselineGate.applied(new RunAssembly(record, tally).summary(scenarioOutcomes,
                List.copyOf(audit), runStarted, problems, List.copyOf(classFailures)), build);
        Path dir = Path.of(testPlan.getConfigurationParameters().get("conformance.reports_dir").orElse("reports"));
        RunRecordSession.keep(session, summary);
        ResultsBundle.write(summary, build, dir, Optional.empty(), Optional.of(RunAssembly.environment(record, build)),
                record.exchanges());
        ConsoleOptions console = ConsoleOptions.of(key -> summary.facts().settings().stream()
                .filter(s -> s.key().equals(key)).map(RunSummary.Setting::value).findFirst());
        System.out.print(ConsoleTable.of(summary, console, dir.toAbsolutePath().normalize().resolve("summary.md")));
    }

    private static String reason(TestExecutionResult result) {
        // why: a parameter the harness could not make (exploration's checks, whose making runs the exploration)
        // fails with JUnit's wrapper, whose message names the method; the cause says what went wrong
        return result.getThrowable().map(t -> t instanceof org.junit.jupiter.api.extension.ParameterResolutionException
                && t.getCause() != null ? t.getCause() : t).map(t -> String.valueOf(t.getMessage())).orElse("");
    }

    private Optional<String> requirementOf(TestIdentifier id) {
        Optional<String> audited = AuditChecks.requirementOf(id.getSource().orElse(null));
        if (audited.isPresent()) {
            return audited;
        }
        Optional<String> explored = ExplorationChecks.requirementOf(id.getSource().orElse(null));
        if (explored.isPresent()) {
            return explored;
        }
        Optional<String> recorded = record.scenario(id.getUniqueId()).map(ScenarioRecord::requirement);
        if (recorded.isPresent()) {
            return recorded;
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
        if (source instanceof ClassSource c
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
