package org.sessionthreads.conformance.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.ConformanceIndex;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/**
 * What a baseline or a comparison reads of one run, the same whether it comes from a finished run's
 * {@link RunSummary} ({@link #of}) or from a bundle's {@code summary.json} ({@link BundleSnapshot}).
 *
 * @param latency  per event channel, its terminated-event latency percentiles
 * @param requests per endpoint, the requests the run sent
 */
public record RunSnapshot(String suiteVersion, String dialect, List<Outcome> outcomes,
                          Map<String, Percentiles> latency, Map<String, Long> requests, ConformanceIndex conformance) {
    /** The verdicts a baseline calls failing: the target or the run did not keep the requirement. */
    static final Set<String> FAILING = Set.of("FAIL", "ERROR", "UNTESTABLE");

    public RunSnapshot {
        outcomes = List.copyOf(outcomes);
        latency = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latency));
        requests = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requests));
    }

    /**
     * One requirement's outcome.
     *
     * @param verdict     its verdict's name (PASS, FAIL, …)
     * @param reasonClass the type its verdict came from; empty when it passed or was not run
     * @param cases       the invocations of it that did not pass (their invocation part only)
     */
    public record Outcome(String requirement, String level, String verdict, boolean blocking, String reasonClass,
                          List<String> cases) {
        public Outcome {
            cases = List.copyOf(cases);
        }

        public boolean failing() {
            return FAILING.contains(verdict);
        }

        public boolean passing() {
            return verdict.equals("PASS");
        }

        /** How it failed; empty when it did not. */
        public Optional<FailureSignature> signature() {
            return failing() ? Optional.of(new FailureSignature(requirement, verdict, reasonClass, cases))
                    : Optional.empty();
        }
    }

    /** Latency percentiles of one channel, milliseconds. */
    public record Percentiles(int samples, double p50, double p95, double max) {
    }

    /** The snapshot of a finished run, the suite that ran it being {@code build}. */
    public static RunSnapshot of(RunSummary summary, BuildInfo build) {
        String dialect = ConformanceIndex.dialectOf(summary);
        List<Outcome> outcomes = summary.requirements().stream().map(r -> new Outcome(r.entry().id(),
                r.entry().level().name(), r.verdict().name(), r.blocking(), r.reasonClass(),
                r.scenarios().stream().filter(s -> FAILING.contains(s.verdict().name())).map(ScenarioOutcome::name)
                        .map(FailureSignature::caseOf).filter(c -> !c.isEmpty()).toList())).toList();
        Map<String, Percentiles> latency = new LinkedHashMap<>();
        summary.facts().measured().latency().forEach(c -> latency.put(c.channel(), new Percentiles(c.samples(),
                millis(c.p50()), millis(c.p95()), millis(c.max()))));
        return new RunSnapshot(build.version(), dialect, outcomes, latency, summary.facts().requests(),
                ConformanceIndex.of(summary));
    }

    public Optional<Outcome> outcome(String requirement) {
        return outcomes.stream().filter(o -> o.requirement().equals(requirement)).findFirst();
    }

    private static double millis(java.time.Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
