package org.sessionthreads.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.sessionthreads.conformance.catalogue.CatalogueEntry;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.discovery.DiscoveryReport;

/**
 * The verdict of a whole run, per requirement of the catalogue (every requirement appears, also those no scenario
 * ran), with the run's own problems (no scenario executed, every answer to the profile's token 401).
 *
 * @param run      who ran against what, and when
 * @param problems run-level problems (the run could not start, every answer to the profile's token was 401, it
 *                 was interrupted); any makes the run an ERROR. A run in which no scenario executed is told by
 *                 {@link #nothingExecuted()}, not by a problem's text; {@link #shownProblems()} adds it for readers.
 * @param facts    what the run recorded besides verdicts
 * @param gate     what the exit code gates on beyond the verdicts ({@code gate}, {@code min_index}, a baseline)
 */
public record RunSummary(Run run, List<RequirementResult> requirements, List<String> problems, Facts facts,
                         Gate gate) {

    /** How a run in which no scenario executed is shown (see {@link ExitStatus#NOTHING_RAN}). */
    static final String NOTHING_EXECUTED = "no scenario was executed";

    /**
     * @param profile   the profile as {@code TargetProfile.describe()} printed it (never contains the token)
     * @param target    the target's one-line description
     * @param targetUrl the target's API base URL
     */
    public record Run(String profile, String target, String targetUrl, Instant startedAt, Instant finishedAt) {
    }

    /**
     * @param fixtures  fixtures created and released by the run, one line (a WARNING names leftovers)
     * @param settings  every setting of the run with its value and source (never the token's value); empty when
     *                  the run did not start
     * @param discovery what the probe before the scenarios found: hints, discovered capabilities, missing ones;
     *                  empty when the run stopped before it
     * @param audit     the end-of-run audit's section, if the run had one
     * @param requests  requests the run sent per endpoint ({@code POST /v1/sessions/{id}/threads/{id}/archive}),
     *                  every attempt counted; empty when the run did not start
     * @param measured  the event latency per channel, the race interleavings and the findings about the target
     * @param explored  the run's exploration, when it explored (explore.md, explore.json)
     */
    public record Facts(String fixtures, List<Setting> settings, Optional<DiscoveryReport> discovery,
                        Optional<AuditSection> audit, Map<String, Long> requests, Measurements measured,
                        Optional<ExplorationSection> explored) {
        public Facts {
            settings = List.copyOf(settings);
            requests = Collections.unmodifiableMap(new TreeMap<>(requests));
        }

        /** The facts of a run that did not explore. */
        public Facts(String fixtures, List<Setting> settings, Optional<DiscoveryReport> discovery,
                     Optional<AuditSection> audit, Map<String, Long> requests, Measurements measured) {
            this(fixtures, settings, discovery, audit, requests, measured, Optional.empty());
        }

        /** These facts with {@code section} as the run's exploration. */
        public Facts withExploration(Optional<ExplorationSection> section) {
            return new Facts(fixtures, settings, discovery, audit, requests, measured, section);
        }

        /** Nothing recorded but the fixture line (a run that did not start, or a test). */
        public static Facts of(String fixtures) {
            return new Facts(fixtures, List.of(), Optional.empty(), Optional.empty(), Map.of(), Measurements.none());
        }

        /** All requests the run sent. */
        public long requestsSent() {
            return requests.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One effective setting: its key, final value and where the value came from. */
    public record Setting(String key, String value, String source) {
    }

    /** This summary with {@code recorded} as what the run recorded besides verdicts. */
    public RunSummary withFacts(Facts recorded) {
        return new RunSummary(run, requirements, problems, recorded, gate);
    }

    /** This summary gated by {@code other} ({@code gate}, {@code min_index}, the comparison with a baseline). */
    public RunSummary withGate(Gate other) {
        return new RunSummary(run, requirements, problems, facts, other);
    }

    /** This summary with one more run-level problem, first in the list (e.g. why the run could not start). */
    public RunSummary withProblem(String problem) {
        List<String> more = new ArrayList<>();
        more.add(problem);
        more.addAll(problems);
        return new RunSummary(run, requirements, more, facts, gate);
    }

    /**
     * The end-of-run audit as its own section: what it read, and its checks (also counted in their requirements'
     * verdicts above).
     */
    public record AuditSection(String scope, List<ScenarioOutcome> checks) {
        public AuditSection {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One requirement with the outcomes of all its scenario invocations.
     *
     * @param blocking true when one of its invocations fails the gate
     */
    public record RequirementResult(CatalogueEntry entry, Verdict verdict, boolean blocking, String reason,
                                    Duration duration, List<ScenarioOutcome> scenarios) {

        /** A FAIL that does not gate: a SHOULD requirement not met on a non-strict profile. */
        public boolean warning() {
            return judgement().warning();
        }

        /**
         * The simple name of the type its verdict came from (that of the first invocation with its verdict, the one
         * its reason is taken from); empty for a requirement that passed or was not run.
         */
        public String reasonClass() {
            return scenarios.stream().filter(s -> s.verdict() == verdict).findFirst()
                    .map(ScenarioOutcome::reasonClass).orElse("");
        }

        /** Its verdict and whether it gates; {@link Judgement#label()} is its word in the table. */
        public Judgement judgement() {
            return new Judgement(verdict, blocking);
        }
    }

    /**
     * @param tokenAnswers answers to requests that carried the profile's own token (the ones the suite expects the
     *                     target to accept); 401s to deliberately wrong credentials are not among them
     * @param tokenRefused of those, the answers 401: when every one was, the run is an ERROR "check the token"
     */
    public static RunSummary of(RequirementCatalogue catalogue, List<ScenarioOutcome> outcomes, Run run,
                                long tokenAnswers, long tokenRefused, Facts facts) {
        List<RequirementResult> results = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries()) {
            results.add(result(entry, outcomes.stream().filter(o -> o.requirement().equals(entry.id())).toList()));
        }
        List<String> problems = new ArrayList<>();
        if (tokenAnswers > 0 && tokenAnswers == tokenRefused) {
            problems.add(tokenRefusedLine(tokenAnswers));
        }
        return new RunSummary(run, results, problems, facts, Gate.ALL);
    }

    /** The run-level problem of a run whose every request with the profile's token was answered 401. */
    static String tokenRefusedLine(long answers) {
        return "every one of the " + answers + " answers to requests with the profile's token was 401: check the"
                + " token";
    }

    private static RequirementResult result(CatalogueEntry entry, List<ScenarioOutcome> scenarios) {
        if (scenarios.isEmpty()) {
            return new RequirementResult(entry, Verdict.DISABLED, false, "not run", Duration.ZERO, scenarios);
        }
        Judgement judgement = Judgement.of(scenarios.stream().map(ScenarioOutcome::judgement).toList());
        ScenarioOutcome cause = scenarios.stream().filter(s -> s.verdict() == judgement.verdict()).findFirst()
                .orElseThrow();
        Duration duration = scenarios.stream().map(ScenarioOutcome::duration).reduce(Duration.ZERO, Duration::plus);
        return new RequirementResult(entry, judgement.verdict(), judgement.blocking(), cause.reason(), duration,
                scenarios);
    }

    /** This summary with {@code more} run-level problems (e.g. the run was interrupted) after its own. */
    public RunSummary withProblems(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new RunSummary(run, requirements, List.copyOf(all), facts, gate);
    }

    /** Number of requirements per verdict (all verdicts present, zero included). */
    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, requirements.stream().filter(r -> r.verdict() == v).count());
        }
        return counts;
    }

    /** True when no scenario invocation executed: every one was disabled or deselected, or none was run at all. */
    public boolean nothingExecuted() {
        return requirements.stream().flatMap(r -> r.scenarios().stream())
                .allMatch(s -> s.verdict() == Verdict.DISABLED);
    }

    /**
     * The run-level problems as readers see them: {@link #problems()}, or "no scenario was executed" if so and there
     * is no problem to explain it (a run that could not start names only why).
     */
    public List<String> shownProblems() {
        if (!nothingExecuted() || !problems.isEmpty()) {
            return problems;
        }
        List<String> shown = new ArrayList<>(problems);
        shown.add(NOTHING_EXECUTED);
        return List.copyOf(shown);
    }

    /** True when the exit code is 0 ({@link ExitStatus}, the one place that rule is written). */
    public boolean passesGate() {
        return ExitStatus.of(this).code() == ExitStatus.PASS;
    }

    /** The requirements whose scenarios failed in JUnit's terms: they decide the exit code. */
    public List<RequirementResult> blocking() {
        return requirements.stream().filter(RequirementResult::blocking).toList();
    }
}
