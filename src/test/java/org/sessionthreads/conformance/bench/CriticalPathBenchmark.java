package org.sessionthreads.conformance.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.SelectClasses;

import org.sessionthreads.conformance.ConformanceSuite;
import org.sessionthreads.conformance.junit.RunRecordSession;
import org.sessionthreads.conformance.SuiteConfiguration;

/**
 * Prints how close a whole run of the suite comes to its critical path: the wall time of the run (start, discovery,
 * every scenario, the end-of-run audit), its longest scenario invocation, their ratio, and the requests it sent,
 * for the embedded reference server as it is and with {@code Variation.DEPLOYMENT_PACE} and a 3 s
 * {@code deliver_after_ms} (the realistic target),
 * each at the given concurrencies. docs/concurrency.md has the command and the figures.
 *
 * <p>Arguments (all optional): the targets ({@code embedded,realistic}), the concurrencies ({@code 32,4,1};
 * {@code profile} keeps the reference profile's setting). Reports of each run go under
 * {@code target/bench-critical-path/}.
 *
 * <p>The first run of a JVM pays for loading and compiling the suite's classes (about 3 s here), which no
 * concurrency can overlap and which a run of the suite pays once whatever its size. So one warm-up run on the
 * embedded target comes first; it is printed, marked as such, and the measured rows follow it.
 */
public final class CriticalPathBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> targets = Arrays.asList((args.length > 0 ? args[0] : "embedded,realistic").split(","));
        List<String> concurrencies = Arrays.asList((args.length > 1 ? args[1] : "32,4,1").split(","));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-10s %-11s %9s %-52s %9s %6s %8s %s", "target", "concurrency",
                "wall", "longest scenario", "longest", "ratio", "requests", "verdicts"));
        Figures warmUp = run("embedded", concurrencies.get(0));
        lines.add(warmUp.line() + " [warm-up: first run of the JVM, not counted]");
        System.out.println("[bench] " + lines.get(lines.size() - 1));
        for (String target : targets) {
            for (String concurrency : concurrencies) {
                Figures figures = run(target, concurrency);
                lines.add(figures.line());
                System.out.println("[bench] " + figures.line());
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
        System.exit(0); // why: the embedded server's and the watchdog's daemon threads need no waiting for
    }

    private static Figures run(String target, String concurrency) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>(SuiteConfiguration.PARAMETERS);
        Path reports = Files.createDirectories(Path.of("target", "bench-critical-path", target + "-" + concurrency));
        parameters.put("conformance.reports_dir", reports.toString());
        if (!concurrency.equals("profile")) {
            parameters.putAll(SuiteConfiguration.concurrency(Integer.parseInt(concurrency)));
        }
        if (!target.equals("embedded") && !target.equals("realistic")) {
            throw new IllegalArgumentException("targets are embedded and realistic; got " + target);
        }
        // why: embedded options are read from system properties, profile files and the environment only
        // realistic: the deployment's pace, and a pending message due 3 s after its fixture (as in the mutation
        // self-test's profile) rather than the embedded server's 1 s
        String variations = "conformance.embedded_options.variations";
        String deliverAfter = "conformance.embedded_options.deliver_after_ms";
        if (target.equals("realistic")) {
            System.setProperty(variations, "DEPLOYMENT_PACE");
            System.setProperty(deliverAfter, "3000");
        } else {
            System.clearProperty(variations);
            System.clearProperty(deliverAfter);
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameters(parameters);
        for (Class<?> scenarios : ConformanceSuite.class.getAnnotation(SelectClasses.class).value()) {
            request.selectors(selectClass(scenarios));
        }
        long start = System.nanoTime();
        Timings timings = new Timings();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request.build(), timings);
            RunRecordSession.summary(session).ifPresent(summary -> timings.requests.set(
                    summary.facts().requestsSent()));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Figures(target, concurrency.equals("profile") ? "profile" : concurrency, wall, timings);
    }

    /** Per-invocation durations, verdict counts and the run's request count (from the run's summary). */
    private static final class Timings implements TestExecutionListener {
        private final Map<String, Long> started = new ConcurrentHashMap<>();
        private final AtomicReference<String> longestName = new AtomicReference<>("");
        private final AtomicLong longestNanos = new AtomicLong();
        private final AtomicLong requests = new AtomicLong();
        private final Map<TestExecutionResult.Status, AtomicLong> verdicts = new ConcurrentHashMap<>();
        private final long planStart = System.nanoTime();
        private final AtomicLong firstScenarioStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastScenarioEnd = new AtomicLong();
        private final AtomicLong running = new AtomicLong();
        private final AtomicLong mostAtOnce = new AtomicLong();

        @Override
        public void executionStarted(TestIdentifier id) {
            long now = System.nanoTime();
            started.put(id.getUniqueId(), now);
            if (id.isTest() && !audit(id)) {
                firstScenarioStart.accumulateAndGet(now, Math::min);
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
        }

        private static boolean audit(TestIdentifier id) {
            return id.getUniqueId().contains("EndOfRunAudit");
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long begun = started.get(id.getUniqueId());
            if (!id.isTest() || begun == null) {
                return;
            }
            verdicts.computeIfAbsent(result.getStatus(), k -> new AtomicLong()).incrementAndGet();
            long took = System.nanoTime() - begun;
            if (!audit(id)) {
                lastScenarioEnd.accumulateAndGet(System.nanoTime(), Math::max);
                running.decrementAndGet();
            }
            if (took > longestNanos.get()) {
                longestNanos.set(took);
                longestName.set(name(id));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            verdicts.computeIfAbsent(TestExecutionResult.Status.ABORTED, k -> new AtomicLong()).incrementAndGet();
        }

        @Override
        public void testPlanExecutionFinished(TestPlan plan) {
            started.clear();
        }

        private static String name(TestIdentifier id) {
            String uid = id.getUniqueId();
            int method = uid.lastIndexOf("[method:");
            int template = uid.lastIndexOf("[test-template:");
            int at = Math.max(method, template);
            String base = at < 0 ? id.getDisplayName() : uid.substring(at).replaceAll("^\\[[a-z-]+:([^(]*).*", "$1");
            String invocation = uid.endsWith("]") && uid.contains("[test-template-invocation:")
                    ? " " + uid.substring(uid.lastIndexOf("[test-template-invocation:") + 26, uid.length() - 1) : "";
            return base + invocation;
        }
    }

    private record Figures(String target, String concurrency, Duration wall, Timings timings) {
        String line() {
            double longest = timings.longestNanos.get() / 1e9;
            double seconds = wall.toNanos() / 1e9;
            String verdicts = timings.verdicts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .sorted().reduce((a, b) -> a + ", " + b).orElse("none");
            double before = (timings.firstScenarioStart.get() - timings.planStart) / 1e9;
            double scenarios = (timings.lastScenarioEnd.get() - timings.firstScenarioStart.get()) / 1e9;
            double after = seconds - before - scenarios;
            return String.format(Locale.ROOT, "%-10s %-11s %8.1fs %-52s %8.2fs %6.1f %8d %s; phases: start %.1fs,"
                            + " scenarios %.1fs, audit %.1fs; at most %d scenarios at once", target, concurrency,
                    seconds, abbreviated(timings.longestName.get()), longest, seconds / longest,
                    timings.requests.get(), verdicts, before, scenarios, after, timings.mostAtOnce.get());
        }

        private static String abbreviated(String name) {
            return name.length() > 52 ? name.substring(0, 51) + "…" : name;
        }
    }
}
