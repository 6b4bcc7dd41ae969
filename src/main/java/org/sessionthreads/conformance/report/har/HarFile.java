package org.sessionthreads.conformance.report.har;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.sstoehr.harreader.HarWriter;
import de.sstoehr.harreader.HarWriterException;
import de.sstoehr.harreader.model.Har;
import de.sstoehr.harreader.model.HarCreatorBrowser;
import de.sstoehr.harreader.model.HarEntry;
import de.sstoehr.harreader.model.HarLog;
import de.sstoehr.harreader.model.HarPage;
import de.sstoehr.harreader.model.HarPageTiming;

import org.sessionthreads.conformance.report.ReportFormat;
import org.sessionthreads.conformance.report.RunReport;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;

/**
 * {@code exchanges.har}: every exchange of the run ({@link ExchangeArchive}) as HAR 1.2, one page per scenario
 * ({@link HarPages} names them) with the requirement's verdict in {@code _verdict} and the scenario's in
 * {@code _scenarioVerdict}, plus the pages of discovery, the audit (with {@code _verdicts} of its checks), the
 * fixtures' release and the run. An exchange belongs to the scenario whose record lists its request id, else to
 * the page of the phase the run was in.
 */
public final class HarFile implements ReportFormat {
    public static final String FILE = "exchanges.har";

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) throws IOException {
        try {
            new HarWriter(new HarJson()).writeTo(dir.resolve(FILE).toFile(), har(report));
        } catch (HarWriterException e) {
            throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    static Har har(RunReport report) {
        RunSummary summary = report.summary();
        ExchangeArchive archive = report.exchanges();
        Map<ScenarioOutcome, String> ids = HarPages.of(summary);
        Map<String, String> claimed = new HashMap<>();
        ids.forEach((scenario, page) -> scenario.exchanges().forEach(requestId -> claimed.put(requestId, page)));
        List<HarEntry> entries = new ArrayList<>();
        Map<String, ZonedDateTime> firstStart = new HashMap<>();
        for (ExchangeArchive.Entry entry : archive.entries()) {
            String page = claimed.getOrDefault(entry.exchange().requestId(), phasePage(entry.phase()));
            HarEntry har = HarEntries.of(entry, page, archive);
            firstStart.putIfAbsent(page, har.startedDateTime());
            entries.add(har);
        }
        ZonedDateTime runStart = HarEntries.utc(summary.run().startedAt());
        Map<String, HarPage> pages = new LinkedHashMap<>();
        page(pages, HarPages.DISCOVERY, "discovery: the start probe and discovery, before the scenarios", firstStart,
                runStart);
        for (RunSummary.RequirementResult requirement : summary.requirements()) {
            for (ScenarioOutcome scenario : requirement.scenarios()) {
                String id = ids.get(scenario);
                if (!id.equals(HarPages.AUDIT)) {
                    HarPage page = page(pages, id, scenario.name(), firstStart, runStart);
                    page.setAdditionalField("_requirement", scenario.requirement());
                    page.setAdditionalField("_verdict", requirement.judgement().label());
                    page.setAdditionalField("_scenarioVerdict", scenario.verdict().name());
                    page.setAdditionalField("_reason", scenario.reason());
                }
            }
        }
        summary.facts().audit().ifPresent(audit -> page(pages, HarPages.AUDIT, "audit: " + audit.scope(),
                firstStart, runStart).setAdditionalField("_verdicts", audit.checks().stream()
                .map(check -> Map.of("requirement", check.requirement(), "check", check.name(),
                        "verdict", check.verdict().name())).toList()));
        for (String phasePage : List.of(HarPages.AUDIT, HarPages.FIXTURES, HarPages.RUN)) {
            if (firstStart.containsKey(phasePage)) {
                page(pages, phasePage, phasePage, firstStart, runStart);
            }
        }
        HarLog log = HarLog.builder().version("1.2")
                .creator(HarCreatorBrowser.builder().name("thread-archive-conformance")
                        .version(report.build().version()).build())
                .pages(new ArrayList<>(pages.values())).entries(entries)
                .comment(entries.size() + " exchanges of " + summary.facts().requestsSent() + " requests counted"
                        + (archive.overflow() == 0 ? "" : "; " + archive.overflow() + " more were sent but not kept"
                        + " (at most " + ExchangeArchive.ENTRY_LIMIT + " are)"))
                .build();
        log.setAdditionalField("_exchangesNotKept", archive.overflow());
        return new Har(log);
    }

    /** The page {@code id}, made with {@code title} the first time it is asked for. */
    private static HarPage page(Map<String, HarPage> pages, String id, String title,
                                Map<String, ZonedDateTime> firstStart, ZonedDateTime runStart) {
        return pages.computeIfAbsent(id, k -> HarPage.builder().id(id).title(title)
                .startedDateTime(firstStart.getOrDefault(id, runStart))
                .pageTimings(HarPageTiming.builder().onContentLoad(-1).onLoad(-1).build()).build());
    }

    private static String phasePage(ExchangeArchive.Phase phase) {
        return switch (phase) {
            case DISCOVERY -> HarPages.DISCOVERY;
            case SCENARIOS -> HarPages.RUN;
            case AUDIT -> HarPages.AUDIT;
            case FIXTURES -> HarPages.FIXTURES;
        };
    }
}
