package org.sessionthreads.conformance.discovery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.FixtureWindow;

/**
 * What discovery found and what follows from it for the run (docs/settings.md#discovery).
 *
 * @param ran        false when {@code discovery: false} skipped the probe
 * @param findings   one per probed capability
 * @param errors     capabilities the profile declares and the target visibly lacks; any one stops the run
 * @param hints      capabilities the target shows and the profile leaves off (not adopted)
 * @param discovered capabilities the profile left off, the target showed, and the run switched on
 *                   ({@code discover_capabilities: true})
 * @param effective  the profile the scenarios run with: the declared one plus what was discovered
 * @param roundTrips how long each answered probe request took: the latency the run measured, from which its
 *                   {@link FixtureWindow} is computed (empty when skipped)
 */
public record DiscoveryReport(boolean ran, List<Finding> findings, List<String> errors, List<String> hints,
                              List<String> discovered, TargetProfile effective, List<Duration> roundTrips) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DiscoveryReport {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        hints = List.copyOf(hints);
        discovered = List.copyOf(discovered);
        roundTrips = List.copyOf(roundTrips);
    }

    /** A report without measured round trips. */
    public DiscoveryReport(boolean ran, List<Finding> findings, List<String> errors, List<String> hints,
                           List<String> discovered, TargetProfile effective) {
        this(ran, findings, errors, hints, discovered, effective, List.of());
    }

    /** This report with the round trips its probe measured. */
    public DiscoveryReport withRoundTrips(List<Duration> measured) {
        return new DiscoveryReport(ran, findings, errors, hints, discovered, effective, measured);
    }

    /** The window the run asks of time-critical fixtures, from {@link #roundTrips()} (empty when none measured). */
    public Optional<FixtureWindow> fixtureWindow() {
        return FixtureWindow.fromRoundTrips(roundTrips);
    }

    /** The report of a run with {@code discovery: false}: nothing probed, the declared profile as it is. */
    public static DiscoveryReport skipped(TargetProfile profile) {
        return new DiscoveryReport(false, List.of(), List.of(), List.of(), List.of(), profile);
    }

    /**
     * The one line that stops the run: the target refused the profile's token (every scenario would only collect
     * 401s), else a declared capability is missing.
     */
    public Optional<String> stopLine() {
        return refusedToken().or(() -> errors.isEmpty() ? Optional.empty() : Optional.of(
                "declared capability missing: " + String.join("; ", errors)));
    }

    /** Why the run cannot go on, when the target answered the profile's own token 401 or 403. */
    public Optional<String> refusedToken() {
        return findings.stream().filter(f -> f.capability().equals(Capabilities.TOKEN)
                && f.presence() == Presence.ABSENT).findFirst()
                .map(f -> "the target refuses the profile's token"
                        + (f.evidence().isEmpty() ? "" : " (" + f.evidence() + ")") + ": check the token");
    }

    /**
     * What discovery saw of an event channel, for the reason of a DISABLED
     * invocation, e.g. {@code event stream ABSENT, answers 404 application/json …}; empty when not probed.
     */
    public Optional<String> seen(EventChannel channel) {
        String capability = channel.capability();
        return findings.stream().filter(f -> f.capability().equals(capability)).findFirst()
                .map(f -> capability + " " + f.presence() + ", " + f.observed());
    }

    /**
     * What discovery found in one line, for the run's header, e.g. {@code discovery: 9 PRESENT, 1 UNKNOWN; 1 hint;
     * fixture window 533 ms}; each finding is in {@link #lines()} and in summary.md.
     */
    public String oneLine() {
        if (!ran) {
            return lines().get(0);
        }
        Map<Presence, Long> byPresence = new java.util.EnumMap<>(Presence.class);
        findings.forEach(f -> byPresence.merge(f.presence(), 1L, Long::sum));
        StringBuilder line = new StringBuilder("discovery: ").append(findings.size()).append(" probed (");
        line.append(byPresence.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "))).append(')');
        int errorCount = errors.size() + (refusedToken().isPresent() ? 1 : 0);
        if (errorCount > 0) {
            line.append("; ").append(errorCount).append(" ERROR");
        }
        if (!discovered.isEmpty()) {
            line.append("; ").append(discovered.size()).append(" discovered");
        }
        if (!hints.isEmpty()) {
            line.append("; ").append(hints.size()).append(hints.size() == 1 ? " hint" : " hints");
        }
        fixtureWindow().ifPresent(window -> line.append("; fixture window ").append(window.millis()).append(" ms"));
        return line.toString();
    }

    /** Lines for the console, {@code [conformance] discovery: …}. */
    public List<String> lines() {
        if (!ran) {
            return List.of("discovery: skipped (discovery: false): capabilities are taken as declared");
        }
        List<String> lines = new java.util.ArrayList<>();
        findings.forEach(f -> lines.add("discovery: " + f.line()));
        refusedToken().ifPresent(line -> lines.add("discovery ERROR: " + line));
        errors.forEach(e -> lines.add("discovery ERROR: " + e));
        discovered.forEach(d -> lines.add("discovery: discovered " + d));
        hints.forEach(h -> lines.add("discovery hint: " + h));
        fixtureWindow().ifPresent(window -> lines.add("discovery: " + window.line()));
        return lines;
    }

    /** The report as JSON, the shape of the summary's {@code discovery} section (no credentials: all redacted). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ran", ran);
        root.put("findings", findings.stream().map(f -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("capability", f.capability());
            node.put("declared", f.declared());
            node.put("presence", f.presence().name());
            node.put("observed", f.observed());
            node.put("evidence", f.evidence());
            return node;
        }).toList());
        root.put("errors", errors);
        root.put("hints", hints);
        root.put("discovered", discovered);
        return JSON.writeValueAsString(root);
    }
}
