package org.sessionthreads.conformance.report;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary's {@code discovery} section: what the probe before the scenarios found (docs/settings.md#discovery). It
 * arrives as the JSON the discovery report wrote (a JUnit report entry), so this package needs no discovery types.
 *
 * @param status     {@code ran}, {@code skipped} ({@code discovery: false}) or {@code not run} (the run stopped
 *                   before it)
 * @param findings   one per probed capability
 * @param errors     declared capabilities the target visibly lacks (each stopped the run)
 * @param hints      capabilities the target shows and the profile leaves off
 * @param discovered capabilities switched on for the run because the target showed them
 */
public record DiscoverySection(String status, List<FindingRow> findings, List<String> errors, List<String> hints,
                               List<String> discovered) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DiscoverySection {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        hints = List.copyOf(hints);
        discovered = List.copyOf(discovered);
    }

    /** One finding: capability, what the profile declares, PRESENT/ABSENT/UNKNOWN, what was seen, exchanges. */
    public record FindingRow(String capability, String declared, String presence, String observed,
                             String evidence) {
    }

    public static DiscoverySection notRun() {
        return new DiscoverySection("not run", List.of(), List.of(), List.of(), List.of());
    }

    /** Reads the discovery report's JSON; anything unreadable gives {@link #notRun()}. */
    public static DiscoverySection fromJson(String json) {
        if (json == null || json.isBlank()) {
            return notRun();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return notRun();
        }
        List<FindingRow> findings = new ArrayList<>();
        root.path("findings").forEach(f -> findings.add(new FindingRow(f.path("capability").asString(""),
                f.path("declared").asString(""), f.path("presence").asString(""), f.path("observed").asString(""),
                f.path("evidence").asString(""))));
        return new DiscoverySection(root.path("ran").asBoolean(false) ? "ran" : "skipped", findings,
                strings(root.path("errors")), strings(root.path("hints")), strings(root.path("discovered")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asString("")));
        return out;
    }
}
