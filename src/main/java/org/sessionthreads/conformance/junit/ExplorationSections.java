package org.sessionthreads.conformance.junit;

import java.util.List;

import org.sessionthreads.conformance.explore.ExplorationReport;
import org.sessionthreads.conformance.explore.Finding;
import org.sessionthreads.conformance.report.ExplorationSection;
import org.sessionthreads.conformance.report.RunSummary;

/** The engine's {@link ExplorationReport} as the bundle's {@link ExplorationSection}, with the settings it ran under. */
final class ExplorationSections {
    private ExplorationSections() {
    }

    static ExplorationSection of(ExplorationReport report, List<RunSummary.Setting> settings) {
        ExplorationSection.Settings used = new ExplorationSection.Settings(report.depth(),
                count(settings, "explore.budget"), count(settings, "explore.clients"));
        List<ExplorationSection.Kind> kinds = report.kinds().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new ExplorationSection.Kind(e.getKey().wireName(), e.getValue().sequences(),
                        e.getValue().run(), e.getValue().failed(), e.getValue().untestable(),
                        e.getValue().overBudget(), e.getValue().reason() == null ? "" : e.getValue().reason()))
                .toList();
        return new ExplorationSection(used, report.scope(), kinds,
                report.findings().stream().map(ExplorationSections::found).toList(), report.requests(),
                report.took(), report.notes());
    }

    private static ExplorationSection.Found found(Finding f) {
        return new ExplorationSection.Found(f.requirementId(), f.rule(), f.kind().wireName(), f.steps(),
                f.allowed(), f.observed(), f.confirmed(), f.sequences(), f.evidence(), ReplayPlans.of(f.replay()));
    }

    /** A count setting's effective value; 0 when the run recorded none (it did not start). */
    private static int count(List<RunSummary.Setting> settings, String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(RunSummary.Setting::value)
                .mapToInt(v -> Integer.parseInt(v.strip())).findFirst().orElse(0);
    }
}
