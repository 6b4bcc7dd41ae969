package org.sessionthreads.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sstoehr.harreader.HarReader;
import de.sstoehr.harreader.model.Har;

import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.har.ExchangeArchive;
import org.sessionthreads.conformance.report.har.HarFile;
import org.sessionthreads.conformance.report.har.HarPages;
import org.sessionthreads.conformance.report.repro.Reproduction;

/** {@code exchanges.har} written from a hand-made summary and archive, read back as JSON and by a HAR reader. */
class HarFileTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc123");
    private final RequirementCatalogue catalogue = RequirementCatalogue.load();

    @TempDir
    Path dir;

    @Test
    void should_put_each_exchange_on_its_scenarios_page_or_its_phases_page_with_the_verdicts() throws Exception {
        ExchangeArchive archive = new ExchangeArchive();
        archive.record(get("req_probe", 200, "{}"));
        archive.phase(ExchangeArchive.Phase.SCENARIOS);
        archive.record(get("req_arch", 200, "{\"id\":\"sthr_1\"}"));
        archive.streamMessage("sse_1", "session.thread_status_terminated", "evt_1", "{\"type\":\"t\"}",
                System.nanoTime());
        archive.record(get("sse_1", 200, ""));
        archive.record(new Exchange("POST", "http://t/v1/sessions/s/threads/t/archive?x=1", Map.of(), "{}", 0,
                Map.of(), "", Instant.now(), Duration.ofMillis(2), "req_evt", "connection reset", true));
        archive.record(get("req_orphan", 200, "{}"));
        archive.phase(ExchangeArchive.Phase.AUDIT);
        archive.record(get("req_audit", 200, "{}"));
        archive.phase(ExchangeArchive.Phase.FIXTURES);
        archive.record(get("req_release", 204, ""));
        ScenarioOutcome evt = outcome("EVT-001", "EVT-001 One event [via sse]", Verdict.FAIL,
                List.of("sse_1", "req_evt"));
        ScenarioOutcome check = outcome("EVT-003", "EVT-003 audit: no event for a rejected archive", Verdict.PASS,
                List.of());
        RunSummary summary = new TestFacts().requests(Map.of("GET /v1/sessions/{id}", 7L))
                .audit(new RunSummary.AuditSection("3 sessions", List.of(check)))
                .on(summary(List.of(outcome("ARCH-001", "ARCH-001 Archive", Verdict.PASS, List.of("req_arch")), evt,
                        check)));

        new HarFile().write(new RunReport(summary, BUILD, ExitStatus.of(summary), archive), dir);
        JsonNode log = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("exchanges.har")))
                .path("log");

        assertThat(log.path("version").asString()).isEqualTo("1.2");
        assertThat(log.path("creator").path("version").asString()).isEqualTo("1.2.3");
        assertThat(log.path("comment").asString()).isEqualTo("7 exchanges of 7 requests counted");
        assertThat(log.path("pages").valueStream().map(p -> p.path("id").asString()).toList())
                .containsExactly("discovery", "ARCH-001", "EVT-001/via-sse", "audit", "fixtures", "run");
        assertThat(log.path("entries").valueStream().map(e -> e.path("_requestId").asString() + "@"
                + e.path("pageref").asString()).toList()).containsExactly("req_probe@discovery", "req_arch@ARCH-001",
                "sse_1@EVT-001/via-sse", "req_evt@EVT-001/via-sse", "req_orphan@run", "req_audit@audit",
                "req_release@fixtures");
        JsonNode evtPage = log.path("pages").get(2);
        assertThat(evtPage.path("title").asString()).isEqualTo("EVT-001 One event [via sse]");
        assertThat(evtPage.path("_requirement").asString()).isEqualTo("EVT-001");
        assertThat(evtPage.path("_verdict").asString()).isEqualTo("FAIL");
        assertThat(evtPage.path("_scenarioVerdict").asString()).isEqualTo("FAIL");
        assertThat(log.path("pages").get(3).path("_verdicts").get(0).path("requirement").asString())
                .isEqualTo("EVT-003");
        JsonNode stream = log.path("entries").get(2);
        assertThat(stream.path("_resourceType").asString()).isEqualTo("eventsource");
        assertThat(stream.path("_eventSourceMessages").get(0).path("eventName").asString())
                .isEqualTo("session.thread_status_terminated");
        assertThat(stream.path("_eventSourceMessages").get(0).path("eventId").asString()).isEqualTo("evt_1");
        assertThat(stream.path("_eventSourceMessages").get(0).path("time").asDouble()).isPositive();
        JsonNode failed = log.path("entries").get(3);
        assertThat(failed.path("response").path("status").asInt()).isZero();
        assertThat(failed.path("response").path("_error").asString()).isEqualTo("connection reset");
        assertThat(failed.path("request").path("postData").path("text").asString()).isEqualTo("{}");
        assertThat(failed.path("request").path("queryString").get(0).path("name").asString()).isEqualTo("x");
        assertThat(log.path("entries").get(0).path("request").has("postData")).isFalse();
        Har read = new HarReader().readFromFile(dir.resolve("exchanges.har").toFile());
        assertThat(read.log().entries()).hasSize(7);
    }

    @Test
    void should_link_each_failure_of_summary_md_to_its_page() throws Exception {
        ScenarioOutcome first = outcome("NF-001", "NF-001 Unknown ids [UNKNOWN_SESSION_ID]", Verdict.FAIL, List.of());
        RunSummary summary = summary(List.of(first, outcome("ARCH-001", "ARCH-001 Archive", Verdict.ERROR, List.of())));

        new SummaryMarkdown().write(RunReport.of(summary, BUILD), dir);

        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("Exchanges: page `NF-001/UNKNOWN_SESSION_ID` of [exchanges.har](exchanges.har)")
                .contains("Exchanges: page `ARCH-001` of [exchanges.har](exchanges.har)");
    }

    @Test
    void should_number_the_pages_of_scenarios_that_come_to_the_same_id() {
        ScenarioOutcome a = outcome("ARCH-001", "ARCH-001 Archive", Verdict.PASS, List.of());
        ScenarioOutcome b = outcome("ARCH-001", "ARCH-001 Archive", Verdict.PASS, List.of());

        Map<ScenarioOutcome, String> ids = HarPages.of(summary(List.of(a, b)));

        assertThat(List.of(ids.get(a), ids.get(b))).containsExactly("ARCH-001", "ARCH-001#2");
    }

    @Test
    void should_write_a_har_without_entries_for_a_run_that_never_started() throws Exception {
        RunSummary summary = summary(List.of());

        new HarFile().write(RunReport.of(summary, BUILD), dir);

        JsonNode log = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("exchanges.har")))
                .path("log");
        assertThat(log.path("entries").size()).isZero();
        assertThat(log.path("pages").valueStream().map(p -> p.path("id").asString()).toList())
                .containsExactly("discovery");
    }

    private static Exchange get(String requestId, int status, String body) {
        return new Exchange("GET", "http://t/v1/sessions/s", Map.of("Authorization", List.of("Bearer (masked)")),
                "", status, Map.of("Content-Type", List.of("application/json")), body, Instant.now(),
                Duration.ofMillis(2), requestId, null, true);
    }

    private RunSummary summary(List<ScenarioOutcome> outcomes) {
        return RunSummary.of(catalogue, outcomes, new RunSummary.Run("profile 'p'", "target", "http://t/v1",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(2)), 3, 0, RunSummary.Facts.of(""));
    }

    private static ScenarioOutcome outcome(String id, String name, Verdict verdict, List<String> exchanges) {
        return new ScenarioOutcome(id, name, verdict, verdict == Verdict.FAIL, verdict == Verdict.PASS ? ""
                : "why it failed", Duration.ofMillis(5), "", exchanges, Reproduction.NONE);
    }
}
