package org.sessionthreads.conformance.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.ExtensionContext;

import org.sessionthreads.conformance.config.EffectiveSettings;
import org.sessionthreads.conformance.discovery.DiscoveryReport;
import org.sessionthreads.conformance.report.har.ExchangeArchive;
import org.sessionthreads.conformance.report.RunSummary;

/**
 * What the extensions of one run tell the {@link RequirementLedger}, as typed values: who ran against what, the
 * effective settings, discovery's report, what each scenario recorded. One record per test plan execution, held in
 * the launcher session's store ({@link RunRecordSession}), so the extensions (inside the suite engine's nested
 * execution) and the ledger (a listener of the same launcher session) share it without a static.
 */
final class RunRecord {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunRecord.class);
    private final Map<String, ScenarioRecord> scenarios = new ConcurrentHashMap<>();
    private final AtomicReference<Started> started = new AtomicReference<>();
    private final AtomicReference<String> startFailure = new AtomicReference<>();
    private final AtomicReference<DiscoveryReport> discovery = new AtomicReference<>();
    private final AtomicReference<String> fixtures = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<org.sessionthreads.conformance.explore.ExplorationReport>
            exploration = new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicReference<String> auditScope = new AtomicReference<>();
    private final AtomicReference<Map<String, Long>> requests = new AtomicReference<>(Map.of());
    private final LinkedHashSet<String> findings = new LinkedHashSet<>();
    private final ExchangeArchive exchanges = new ExchangeArchive();

    /** Who ran against what: the run's facts once it started. */
    record Started(String profile, String target, String targetUrl, List<RunSummary.Setting> settings,
                   Map<String, String> environment) {
        Started {
            settings = List.copyOf(settings);
            environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        }

        static List<RunSummary.Setting> settingsOf(EffectiveSettings effective) {
            return effective.entries().stream().map(e -> new RunSummary.Setting(e.key(), e.value(), e.source()))
                    .toList();
        }
    }

    /** The record of the run {@code context} belongs to (one nobody reads outside a launcher session). */
    static RunRecord of(ExtensionContext context) {
        return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
                .computeIfAbsent(RunRecord.class);
    }

    /** The namespace parts under which {@link RunRecordSession} finds the record in the session's store. */
    static List<Object> namespace() {
        return NAMESPACE.getParts();
    }

    void started(Started facts, DiscoveryReport report) {
        started.set(facts);
        discovery.set(report);
    }

    /** The run could not start; {@code report} is discovery's, when discovery stopped it. */
    void couldNotStart(String reason, Optional<DiscoveryReport> report) {
        startFailure.set(reason);
        report.ifPresent(discovery::set);
    }

    /** After a class: fixtures so far, requests so far (counts only grow: the larger total is kept), findings. */
    void classFinished(String fixtureLine, Map<String, Long> requestsSoFar, List<String> findingsSoFar) {
        fixtures.set(fixtureLine);
        requests.accumulateAndGet(Map.copyOf(requestsSoFar), (known, more) -> total(more) > total(known) ? more : known);
        synchronized (findings) {
            findings.addAll(findingsSoFar);
        }
    }

    /** The run's fixture line once the run released (or kept) everything it held. */
    void fixturesSettled(String fixtureLine) {
        fixtures.set(fixtureLine);
    }

    /** The run's exploration, when it explored (explore.md, explore.json). */
    void explored(org.sessionthreads.conformance.explore.ExplorationReport report) {
        exploration.set(report);
    }

    java.util.Optional<org.sessionthreads.conformance.explore.ExplorationReport> exploration() {
        return java.util.Optional.ofNullable(exploration.get());
    }

    void audited(String scope) {
        auditScope.set(scope);
    }

    void scenario(String uniqueId, ScenarioRecord record) {
        scenarios.put(uniqueId, record);
    }

    Optional<ScenarioRecord> scenario(String uniqueId) {
        return Optional.ofNullable(scenarios.get(uniqueId));
    }

    Optional<Started> started() {
        return Optional.ofNullable(started.get());
    }

    Optional<String> startFailure() {
        return Optional.ofNullable(startFailure.get());
    }

    Optional<DiscoveryReport> discovery() {
        return Optional.ofNullable(discovery.get());
    }

    String fixtures() {
        return Optional.ofNullable(fixtures.get()).orElse("");
    }

    Optional<String> auditScope() {
        return Optional.ofNullable(auditScope.get());
    }

    /** Every exchange of the run, for {@code exchanges.har}. */
    ExchangeArchive exchanges() {
        return exchanges;
    }

    Map<String, Long> requests() {
        return requests.get();
    }

    /** The findings about the target, in the order first recorded. */
    List<String> findings() {
        synchronized (findings) {
            return new ArrayList<>(findings);
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
