package org.sessionthreads.conformance.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sessionthreads.conformance.report.repro.Reproduction;
import org.sessionthreads.conformance.catalogue.RequirementCatalogue;
import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.config.Secret;
import org.sessionthreads.conformance.report.BuildInfo;
import org.sessionthreads.conformance.report.BundleManifest;
import org.sessionthreads.conformance.report.ExitStatus;
import org.sessionthreads.conformance.report.Measurements;
import org.sessionthreads.conformance.report.ReportFormats;
import org.sessionthreads.conformance.report.ResultsBundle;
import org.sessionthreads.conformance.report.RunSummary;
import org.sessionthreads.conformance.report.ScenarioOutcome;
import org.sessionthreads.conformance.report.Verdict;

/** {@code summary.html} from a hand-made run: what it shows, that hostile text stays text, that it loads nothing. */
class SummaryHtmlTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc123");
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    private static final Pattern LINK =
            Pattern.compile("(?i)\\s(href|src|action|formaction|srcset)\\s*=\\s*\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void should_show_the_exit_line_the_verdicts_and_each_failure_with_its_exchanges() {
        String page = page(summary(), BundleLinks.in(dir));

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<div class=\"exit fail\" id=\"exit\">Exit code 1: requirements failed: COORD-001 (MUST, ")
                .contains("<tr class=\"row-FAIL\" id=\"req-COORD-001\"><td class=\"id\">COORD-001</td><td>MUST</td>")
                .contains("<td class=\"v v-FAIL\">FAIL</td>")
                .contains("<tr class=\"row-WARN\" id=\"req-AUTH-002\">")
                .contains("<tr class=\"row-PASS\" id=\"req-ARCH-001\">")
                .contains("<a href=\"#fail-COORD-001\">failure</a>")
                .contains("<section id=\"fail-COORD-001\">")
                // the exchange the message quotes is unfolded, the other folded
                .contains("<details class=\"quoted\" open><summary>"
                        + "POST http://t/v1/sessions/sess_1/threads/sthr_1/archive"
                        + " → 200 (request_id req-2, 4 ms)</summary>")
                .contains("<details><summary>GET http://t/v1/sessions/sess_1/threads/sthr_1 → 200 (request_id req-1,")
                .contains("Authorization: Bearer " + Secret.MASK + "\n")
                .contains("— answer: 200 in 4 ms\ncontent-type: application/json\n")
                .contains("curl -i -X POST")
                .contains("<tr><td>polling</td><td class=\"num\">8</td><td>17.527</td><td>149.827</td>")
                .contains("<h2 id=\"requests\">Requests sent (12)</h2>")
                .contains("<tr><td>POST /v1/sessions/{id}/threads/{id}/archive</td><td class=\"num\">12</td></tr>");
        assertThat(page).as("a passed requirement has no failure section").doesNotContain("id=\"fail-ARCH-001\"");
    }

    @Test
    void should_show_the_targets_answers_as_text_never_as_markup() {
        String page = page(summary(), BundleLinks.in(dir));

        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain("onerror=alert(1)>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("x-hostile: &lt;/pre&gt;&lt;/details&gt;")
                .as("bidirectional and control characters are shown as codes")
                .contains("evil\\u202etxt.exe \\u0000 \\u001b[31m")
                .doesNotContain("\u202e").doesNotContain("\u0000").doesNotContain("\u001b");
    }

    @Test
    void should_cut_a_large_body_and_show_only_the_last_exchanges() {
        String page = page(summary(), BundleLinks.in(dir));

        assertThat(page).contains("\n… [" + (10_000 - FailureSection.BODY_CHARS) + " more characters not shown]")
                .doesNotContain("y".repeat(FailureSection.BODY_CHARS + 1))
                .contains("<p>Exchanges (20 of 25, the last shown; the message quotes the ones in bold):</p>")
                .contains("request_id many-24").doesNotContain("request_id many-4 ");
    }

    @Test
    void should_load_nothing_and_link_only_relative_files_in_the_bundle() throws Exception {
        Files.createDirectories(dir.resolve("repro"));
        Files.writeString(dir.resolve("repro/COORD-001.sh"), "#!/bin/sh\n");
        Files.createDirectories(dir.resolve("allure-results"));
        Files.writeString(dir.resolve("exchanges.har"), "{}");

        String page = page(summary(), BundleLinks.in(dir));

        Matcher link = LINK.matcher(page);
        List<String> targets = new java.util.ArrayList<>();
        while (link.find()) {
            assertThat(link.group(1)).as("only links a person clicks").isEqualToIgnoringCase("href");
            targets.add(link.group(2));
        }
        assertThat(targets).contains("repro/COORD-001.sh", "allure-report/index.html", "#fail-COORD-001",
                        "exchanges.har")
                .allSatisfy(target -> assertThat(target).doesNotContain(":").doesNotStartWith("//"));
        assertThat(page).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("<iframe")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(page).as("no script for a requirement without one").doesNotContain("repro/AUTH-002.sh");
    }

    @Test
    void should_link_no_repro_script_and_no_allure_report_the_bundle_does_not_have() {
        String page = page(summary(), BundleLinks.in(dir));

        assertThat(page).doesNotContain("repro/").doesNotContain("allure-report").doesNotContain("exchanges.har");
    }

    @Test
    void should_be_written_into_the_bundle_after_every_other_file_but_the_manifest() throws Exception {
        List<String> files = ReportFormats.files();
        assertThat(files.get(files.size() - 2)).isEqualTo(SummaryHtml.FILE);

        ResultsBundle.write(summary(), BUILD, dir, Optional.empty(), Optional.empty());

        assertThat(Files.readString(dir.resolve(SummaryHtml.FILE))).contains("Exit code 1: requirements failed");
        assertThat(BundleManifest.verify(dir).ok()).isTrue();
        assertThat(Files.readString(dir.resolve(BundleManifest.FILE))).contains("\"summary.html\"");
    }

    @Test
    void should_say_pass_for_a_passing_run() {
        RunSummary passing = summary(List.of(outcome("ARCH-001", Verdict.PASS, false, "", List.of())));

        assertThat(page(passing, BundleLinks.in(dir)))
                .contains("<div class=\"exit pass\" id=\"exit\">Exit code 0: pass</div>")
                .doesNotContain("<h2 id=\"failures\">");
    }

    private static String page(RunSummary summary, BundleLinks links) {
        return SummaryHtml.page(summary, BUILD, ExitStatus.of(summary), links);
    }

    private static RunSummary summary() {
        return SUMMARY;
    }

    private static final RunSummary SUMMARY = handMade();

    private static RunSummary handMade() {
        Exchange read = exchange("GET", "http://t/v1/sessions/sess_1/threads/sthr_1", "req-1", "", "{}");
        Exchange archive = exchange("POST", "http://t/v1/sessions/sess_1/threads/sthr_1/archive", "req-2", "{}",
                "{\"name\":\"" + HOSTILE + "\",\"file\":\"evil\u202etxt.exe \u0000 \u001b[31m\"}");
        List<Exchange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(exchange("GET", "http://t/v1/sessions/sess_2/threads", "many-" + i, "",
                    i == 24 ? "y".repeat(10_000) : "[]"));
        }
        RunSummary summary = summary(List.of(
                outcome("ARCH-001", Verdict.PASS, false, "", List.of()),
                outcome("COORD-001", Verdict.FAIL, true, "COORD-001 (MUST) not met: Expecting status 409 but was 200\n"
                        + "  POST … → 200 (request_id req-2, 4 ms)\n  body: " + HOSTILE, List.of(read, archive)),
                outcome("AUTH-002", Verdict.FAIL, false, "SHOULD not met (AUTH-002): 404 before 401", many)));
        Measurements measured = new Measurements(List.of(new Measurements.ChannelLatency("polling", 8,
                Duration.ofNanos(17_527_000), Duration.ofNanos(149_827_000), Duration.ofNanos(149_827_000),
                Map.of("ON_TIME", 8))), List.of());
        return summary.withFacts(new RunSummary.Facts("fixtures of run r: 2 sessions created", List.of(),
                Optional.empty(), Optional.empty(), Map.of("POST /v1/sessions/{id}/threads/{id}/archive", 12L),
                measured));
    }

    private static RunSummary summary(List<ScenarioOutcome> outcomes) {
        return RunSummary.of(RequirementCatalogue.load(), outcomes, new RunSummary.Run("profile 'p'", "target",
                "http://t/v1", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 3, 0, RunSummary.Facts.of(""));
    }

    private static ScenarioOutcome outcome(String id, Verdict verdict, boolean blocking, String reason,
                                           List<Exchange> evidence) {
        return new ScenarioOutcome(id, id + " scenario " + HOSTILE, verdict, blocking, reason, Duration.ofMillis(5),
                "idle_child from hook", evidence.stream().map(Exchange::requestId).toList(),
                evidence.isEmpty() ? Reproduction.NONE : new Reproduction(evidence.get(evidence.size() - 1),
                        Reproduction.Fixtures.RELEASED, List.of()), "RequirementNotMet", evidence);
    }

    private static Exchange exchange(String method, String url, String requestId, String requestBody, String body) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Authorization", List.of("Bearer " + Secret.MASK));
        sent.put("x-request-id", List.of(requestId));
        Map<String, List<String>> answered = new LinkedHashMap<>();
        answered.put("content-type", List.of("application/json"));
        answered.put("x-hostile", List.of("</pre></details>"));
        return new Exchange(method, url, sent, requestBody, 200, answered, body, Instant.EPOCH, Duration.ofMillis(4),
                requestId, null, true);
    }
}
