package org.sessionthreads.conformance.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.sessionthreads.conformance.client.Exchange;
import org.sessionthreads.conformance.report.repro.FindingScripts;
import org.sessionthreads.conformance.report.repro.ReproScript;

/** {@code explore.json}: the {@link ExplorationSection} as records Jackson writes field by field, in this order. */
record ExploreJson(Settings settings, String scope, Sequences sequences, List<Kind> kinds, int requests,
                   @JsonProperty("duration_ms") long durationMs, @JsonProperty("failed_requirements")
                   List<String> failedRequirements, List<Found> findings, List<String> notes) {
    /** A body of an evidence exchange keeps this many characters (the rest is counted, as in summary.html). */
    static final int BODY_CHARS = 4096;

    static ExploreJson of(ExplorationSection s) {
        return new ExploreJson(new Settings(s.settings().depth(), s.settings().budget(), s.settings().clients()),
                s.scope(), new Sequences(s.sequences(), s.sequencesRun(),
                s.kinds().stream().mapToInt(ExplorationSection.Kind::failed).sum(),
                s.kinds().stream().mapToInt(ExplorationSection.Kind::untestable).sum(), s.overBudget()),
                s.kinds().stream().map(k -> new Kind(k.kind(), k.sequences(), k.run(), k.failed(), k.untestable(),
                        k.overBudget(), k.reason())).toList(), s.requests(), s.took().toMillis(),
                s.failedRequirements(), found(s), s.notes());
    }

    private static List<Found> found(ExplorationSection s) {
        List<String> scripts = FindingScripts.names(s);
        return java.util.stream.IntStream.range(0, scripts.size()).mapToObj(i -> {
            ExplorationSection.Found f = s.findings().get(i);
            return new Found(f.requirement(), f.rule(), f.kind(), f.steps(), f.allowed(), f.observed(),
                    f.confirmed(), f.sequences(), f.evidence().stream().map(ExploreJson::evidence).toList(),
                    scripts.get(i));
        }).toList();
    }

    private static Evidence evidence(Exchange e) {
        return new Evidence(e.summary(), e.requestId(), e.method(), e.url(), e.requestHeaders(), cut(e.requestBody()),
                e.status(), e.responseHeaders(), cut(e.responseBody()), ReproScript.curl(e));
    }

    /** {@code body} cut to {@link #BODY_CHARS}, saying how much was left out. */
    static String cut(String body) {
        if (body == null || body.length() <= BODY_CHARS) {
            return body == null ? "" : body;
        }
        return body.substring(0, BODY_CHARS) + "… (" + (body.length() - BODY_CHARS) + " characters left out)";
    }

    record Settings(int depth, int budget, int clients) {
    }

    record Sequences(int enumerated, int run, int failed, int untestable,
                     @JsonProperty("over_budget") int overBudget) {
    }

    record Kind(String kind, int sequences, int run, int failed, int untestable,
                @JsonProperty("over_budget") int overBudget, String reason) {
    }

    record Found(String requirement, String rule, String kind, List<String> steps, String allowed, String observed,
                 boolean confirmed, int sequences, List<Evidence> evidence, String repro) {
    }

    record Evidence(String summary, @JsonProperty("request_id") String requestId, String method, String url,
                    @JsonProperty("request_headers") Map<String, List<String>> requestHeaders,
                    @JsonProperty("request_body") String requestBody, int status,
                    @JsonProperty("response_headers") Map<String, List<String>> responseHeaders,
                    @JsonProperty("response_body") String responseBody, String reproduce) {
    }
}
