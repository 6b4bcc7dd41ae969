package org.sessionthreads.conformance.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import org.sessionthreads.conformance.config.ConsoleKind;
import org.sessionthreads.conformance.config.ConsoleOptions;
import org.sessionthreads.conformance.junit.AuditChecks;
import org.sessionthreads.conformance.junit.ExplorationChecks;
import org.sessionthreads.conformance.junit.ScenarioJudgements;
import org.sessionthreads.conformance.report.Ansi;
import org.sessionthreads.conformance.report.Judgement;
import org.sessionthreads.conformance.report.Verdict;

/**
 * Progress of a run: scenarios done of total, the scenario being waited on and for how long, and the time elapsed.
 * A scenario is a scenario method (a parameterized one counts once, whatever its invocations). On a terminal one
 * status line redraws itself twice a second (through a {@link StatusLine}, so other output never lands on it); in a
 * CI log a scenario that keeps the run waiting gets a "still waiting" line every 15 s, so a log never holds carriage
 * returns. A scenario that did not pass always gets a line of its own; a passing one only with
 * {@code console.verbose}, so a passing run fits on one screen.
 *
 * <p>A finished scenario's line says what the verdict table at the end says: {@code ok} for PASS, else the table's
 * word (ERROR, FAIL, WARN, WAIVED, UNTESTABLE, DISABLED), taken from its invocations by the same rule
 * ({@link Judgement#of}, through {@link ScenarioJudgements}), and it is named by requirement id and title. The
 * end-of-run audit is one scenario whose checks each get a line of their own, named after their requirement.
 *
 * <p>Thread-safe: JUnit may report from several threads, and the ticker runs on its own daemon thread.
 */
final class Progress implements TestExecutionListener {
    private static final Duration LOG_HEARTBEAT = Duration.ofSeconds(15);
    private static final String PASSED = "ok";
    private final PrintStream out;
    private final ConsoleKind kind;
    private final ConsoleOptions options;
    private final Ansi ansi;
    private final StatusLine status;
    private final Map<String, Instant> running = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    /** Per scenario (unique id): the judgements of its invocations so far. */
    private final Map<String, List<Judgement>> invocations = new ConcurrentHashMap<>();
    /** Per scenario that is a container of checks (the audit): each check's line, in order. */
    private final Map<String, List<Check>> checks = new ConcurrentHashMap<>();
    private final Map<String, Instant> checkStarted = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile Instant started = Instant.now();
    private volatile TestPlan plan;
    private ScheduledExecutorService ticker;

    /** One audit check: its name, what it was judged, how long it took. */
    private record Check(String name, Judgement judgement, Duration took) {
    }

    /** Every finished scenario gets a line, without colour (what a test reads). */
    Progress(PrintStream out, ConsoleKind kind) {
        this(out, kind, new ConsoleOptions(true, false), new StatusLine(out));
    }

    /** @param status the terminal's status line; {@code out} prints through it ({@link StatusLine#around}) */
    Progress(PrintStream out, ConsoleKind kind, ConsoleOptions options, StatusLine status) {
        this.out = out;
        this.kind = kind;
        this.options = options;
        this.ansi = Ansi.of(options.colour());
        this.status = status;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = Instant.now();
        total = (int) testPlan.getRoots().stream().flatMap(root -> testPlan.getDescendants(root).stream())
                .filter(this::isScenario).count();
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conformance-progress");
            thread.setDaemon(true);
            return thread;
        });
        if (kind == ConsoleKind.TERMINAL) {
            ticker.scheduleAtFixedRate(this::redraw, 500, 500, TimeUnit.MILLISECONDS);
        } else {
            ticker.scheduleAtFixedRate(this::heartbeat, LOG_HEARTBEAT.toMillis(), LOG_HEARTBEAT.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (isScenario(id)) {
            running.put(id.getUniqueId(), Instant.now());
            names.put(id.getUniqueId(), id.getDisplayName());
        } else if (isCheck(id)) {
            checkStarted.put(id.getUniqueId(), Instant.now());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isScenario(id)) {
            finished(id, ScenarioJudgements.skipped(), Duration.ZERO);
        } else if (id.isTest()) {
            scenarioOf(id).ifPresent(scenario -> invocations.computeIfAbsent(scenario,
                    k -> new CopyOnWriteArrayList<>()).add(ScenarioJudgements.skipped()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (isScenario(id)) {
            Instant since = running.remove(id.getUniqueId());
            List<Judgement> judged = new ArrayList<>(invocations.getOrDefault(id.getUniqueId(), List.of()));
            if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                judged.add(ScenarioJudgements.of(result)); // why: a container that failed itself judged nothing
            }
            finished(id, Judgement.of(judged), since == null ? Duration.ZERO : Duration.between(since, Instant.now()));
        } else if (id.isTest()) {
            scenarioOf(id).ifPresent(scenario -> {
                Judgement judgement = ScenarioJudgements.of(result);
                invocations.computeIfAbsent(scenario, k -> new CopyOnWriteArrayList<>()).add(judgement);
                if (isCheck(id)) {
                    Instant since = checkStarted.remove(id.getUniqueId());
                    checks.computeIfAbsent(scenario, k -> new CopyOnWriteArrayList<>()).add(new Check(
                            id.getDisplayName(), judgement,
                            since == null ? Duration.ZERO : Duration.between(since, Instant.now())));
                }
            });
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        status.clear();
        line(done.get() + "/" + total + " scenarios done in " + clock(Duration.between(started, Instant.now())));
    }

    private void finished(TestIdentifier id, Judgement judgement, Duration took) {
        int n = done.incrementAndGet();
        List<Check> ofScenario = checks.getOrDefault(id.getUniqueId(), List.of());
        if (ofScenario.isEmpty() && isFactory(id) && judgement.verdict() == Verdict.DISABLED) {
            return; // why: a factory switched off (exploration outside certify) judged no requirement: no line
        } else if (ofScenario.isEmpty()) {
            finishedLine(n, id.getDisplayName(), judgement, took);
        } else {
            ofScenario.forEach(check -> finishedLine(n, check.name(), check.judgement(), check.took()));
        }
    }

    private void finishedLine(int n, String name, Judgement judgement, Duration took) {
        String word = word(judgement);
        if (options.verbose() || !PASSED.equals(word)) {
            status.clear();
            line(n + "/" + total + " " + ansi.verdict(word, word) + " " + name + " (" + seconds(took) + ", "
                    + clock(Duration.between(started, Instant.now())) + " elapsed)");
        }
    }

    /** {@code ok} for PASS, else the verdict table's word for the same judgement. */
    static String word(Judgement judgement) {
        return judgement.verdict() == Verdict.PASS ? PASSED : judgement.label();
    }

    private void redraw() {
        String waiting = longest().map(e -> " · waiting on " + shorten(names.get(e.getKey())) + " "
                + seconds(Duration.between(e.getValue(), Instant.now()))).orElse("");
        status.draw("[" + done.get() + "/" + total + "] " + clock(Duration.between(started, Instant.now()))
                + waiting);
    }

    private void heartbeat() {
        longest().filter(e -> Duration.between(e.getValue(), Instant.now()).compareTo(LOG_HEARTBEAT) >= 0)
                .ifPresent(e -> line(done.get() + "/" + total + " still waiting on " + shorten(names.get(e.getKey())) + " ("
                        + seconds(Duration.between(e.getValue(), Instant.now())) + ", "
                        + clock(Duration.between(started, Instant.now())) + " elapsed)"));
    }

    private Optional<Map.Entry<String, Instant>> longest() {
        return running.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()));
    }

    private void line(String text) {
        out.println("[runner] " + text);
        out.flush();
    }

    /** A scenario method: a method source whose parent is not itself a method (an invocation's parent is). */
    private boolean isScenario(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource)) {
            return false;
        }
        TestPlan current = plan;
        return current == null || current.getParent(id).flatMap(TestIdentifier::getSource)
                .filter(MethodSource.class::isInstance).isEmpty();
    }

    /** An audit or exploration check: a dynamic test whose source names the requirement it checks. */
    private static boolean isCheck(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        return id.isTest() && (AuditChecks.requirementOf(source).isPresent()
                || ExplorationChecks.requirementOf(source).isPresent());
    }

    /** The audit's or exploration's factory: told by its checks, each named by a requirement. */
    private static boolean isFactory(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(source -> source.getJavaMethod().isAnnotationPresent(TestFactory.class)).orElse(false);
    }

    /** The scenario (method) an invocation or check belongs to. */
    private Optional<String> scenarioOf(TestIdentifier id) {
        TestPlan current = plan;
        Optional<TestIdentifier> parent = current == null ? Optional.empty() : current.getParent(id);
        while (parent.isPresent()) {
            if (isScenario(parent.get())) {
                return Optional.of(parent.get().getUniqueId());
            }
            parent = current.getParent(parent.get());
        }
        return Optional.empty();
    }

    private static String shorten(String name) {
        return name == null ? "" : name.length() <= 60 ? name : name.substring(0, 57) + "…";
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String clock(Duration d) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
