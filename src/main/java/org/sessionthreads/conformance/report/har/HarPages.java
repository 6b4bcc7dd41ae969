package org.sessionthreads.conformance.report.har;

import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/**
 * The page ids of {@code exchanges.har}, one convention for every file that links to a page (summary.md, the HTML
 * summary): a scenario's page is its requirement id, followed for an invocation of a template by {@code /} and the
 * invocation's name with spaces as {@code -} ({@code ARCH-001}, {@code EVT-001/via-sse}); should two scenarios come
 * to the same id, the later ones get {@code #2}, {@code #3}, … in the summary's order. The exchanges no scenario
 * claims, and the checks of the end-of-run audit (which reads once for all of them), are on the pages
 * {@value #DISCOVERY}, {@value #AUDIT}, {@value #FIXTURES} and {@value #RUN}. A writer links a scenario with
 * {@code HarPages.of(summary).get(scenario)}.
 */
public final class HarPages {
    /** The start probe and discovery, before the scenarios. */
    public static final String DISCOVERY = "discovery";
    /** The end-of-run audit's reads. */
    public static final String AUDIT = "audit";
    /** The release of the fixtures the run held, after the audit or at the run's end. */
    public static final String FIXTURES = "fixtures";
    /** Exchanges of the scenarios' time that no scenario recorded (e.g. a scenario the run interrupted). */
    public static final String RUN = "run";

    private HarPages() {
    }

    /** The page id of every scenario of {@code summary}, by identity, in the summary's order. */
    public static Map<ScenarioOutcome, String> of(RunSummary summary) {
        Map<ScenarioOutcome, String> ids = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>(Set.of(DISCOVERY, AUDIT, FIXTURES, RUN));
        Set<ScenarioOutcome> audited = new HashSet<>(summary.facts().audit()
                .map(RunSummary.AuditSection::checks).orElse(java.util.List.of()));
        for (RunSummary.RequirementResult requirement : summary.requirements()) {
            for (ScenarioOutcome scenario : requirement.scenarios()) {
                if (audited.contains(scenario)) {
                    ids.put(scenario, AUDIT); // why: the audit reads once for all its checks
                    continue;
                }
                String base = id(scenario);
                String id = base;
                for (int n = 2; !taken.add(id); n++) {
                    id = base + "#" + n;
                }
                ids.put(scenario, id);
            }
        }
        return ids;
    }

    /**
     * {@code requirement} or {@code requirement/invocation}: the invocation is the bracketed end of a template
     * invocation's name ({@code "EVT-001 An archive emits … [via sse]"}), as the ledger names them.
     */
    static String id(ScenarioOutcome scenario) {
        String name = scenario.name() == null ? "" : scenario.name().strip();
        int open = name.lastIndexOf(" [");
        if (!name.endsWith("]") || open < 0) {
            return scenario.requirement();
        }
        return scenario.requirement() + "/" + name.substring(open + 2, name.length() - 1).strip().replace(' ', '-');
    }
}
