package org.sessionthreads.conformance.discovery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.TargetProfile;

/**
 * The profile YAML the {@code discover} command writes: the capabilities as discovery saw them, everything else
 * (timeouts, readings, strictness, race) as the profile it ran with. It never contains the token: the token is
 * given per run through {@code CONFORMANCE_TOKEN} or {@code token_file}.
 */
final class StarterProfile {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StarterProfile() {
    }

    static String yaml(TargetProfile profile, URI apiBase, Optional<URI> hook, DiscoveryReport report) {
        Presence hookSeen = presence(report, Capabilities.FIXTURE_HOOK);
        Presence apiSeen = presence(report, Capabilities.PUBLIC_API);
        List<String> strategies = new ArrayList<>();
        if (hookSeen == Presence.PRESENT) {
            strategies.add("hook");
        }
        if (apiSeen == Presence.PRESENT) {
            strategies.add("api");
        }
        strategies.add("preprovisioned");
        // why: the baseline channel is taken as offered unless seen absent, any other only where it was seen
        List<String> channels = Arrays.stream(EventChannel.values())
                .filter(c -> c.baseline() ? presence(report, c.capability()) != Presence.ABSENT
                        : presence(report, c.capability()) == Presence.PRESENT)
                .map(EventChannel::wireName).toList();
        StringBuilder y = new StringBuilder();
        y.append("# Starter profile written by the discover command for ").append(apiBase).append(" at ")
                .append(Instant.now()).append(".\n")
                .append("# Review it before use. The token never goes in a profile: set CONFORMANCE_TOKEN or token_file.\n")
                .append("description: ").append(quoted("Discovered target " + apiBase)).append('\n')
                .append("target: ").append(quoted(apiBase.toString())).append('\n');
        if (hookSeen == Presence.PRESENT) {
            y.append("fixtures: ").append(quoted(hook.orElseThrow().toString())).append('\n');
        } else {
            y.append("# fixture hook: ").append(observed(report, Capabilities.FIXTURE_HOOK)).append('\n');
        }
        y.append("# api needs api.prompts.<kind> to offer a kind; preprovisioned needs pools.<kind>.\n")
                .append("fixture_strategies: ").append(list(strategies)).append('\n');
        for (EventChannel channel : EventChannel.values()) {
            y.append("# ").append(channel.endpoint()).append(": ").append(observed(report, channel.capability()))
                    .append('\n');
        }
        y.append("event_channels: ").append(list(channels)).append('\n')
                .append("capabilities:\n")
                .append("  # Idempotency-Key cannot be discovered with harmless requests: set true if archive honours it.\n")
                .append("  idempotency_key: ").append(profile.capabilities().idempotencyKey()).append('\n')
                .append("discovery: true\n")
                .append("discover_capabilities: false\n")
                .append("timeouts:\n")
                .append("  event: ").append(duration(profile.timeouts().event())).append('\n')
                .append("  event_expected: ").append(duration(profile.timeouts().eventExpected())).append('\n')
                .append("  quiet: ").append(duration(profile.timeouts().quiet())).append('\n')
                .append("  request: ").append(duration(profile.timeouts().request())).append('\n')
                .append("  poll_interval: ").append(duration(profile.timeouts().pollInterval())).append('\n')
                .append("  fixture: ").append(duration(profile.fixtureSettings().timeout())).append('\n')
                .append("race:\n")
                .append("  requests: ").append(profile.race().requests()).append('\n')
                .append("  repetitions: ").append(profile.race().repetitions()).append('\n')
                .append("# the documented shape of the API: archive-page, cas or forward (docs/dialects.md)\n")
                .append("dialect: ").append(profile.readings().dialect().wireName()).append('\n')
                .append("readings:\n")
                .append("  archived_status: ").append(quoted(profile.readings().archivedStatus())).append('\n')
                .append("  conflict_error_type: ").append(quoted(profile.readings().conflictErrorType())).append('\n')
                .append("  rearchive: ").append(quoted(profile.readings().rearchive().name()
                        .toLowerCase(java.util.Locale.ROOT))).append('\n')
                .append("  error_codes: ").append(profile.readings().errorCodes()).append('\n')
                .append("strict: ").append(profile.strictShould()).append('\n');
        return y.toString();
    }

    private static Presence presence(DiscoveryReport report, String capability) {
        return report.findings().stream().filter(f -> f.capability().equals(capability)).map(Finding::presence)
                .findFirst().orElse(Presence.UNKNOWN);
    }

    private static String observed(DiscoveryReport report, String capability) {
        return report.findings().stream().filter(f -> f.capability().equals(capability))
                .map(f -> f.presence() + ", " + f.observed()).findFirst().orElse("not probed").replace('\n', ' ');
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    /** A JSON string is a valid YAML double-quoted scalar: no value can break the file. */
    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis % 60_000 == 0 && millis > 0 ? millis / 60_000 + "m"
                : millis % 1000 == 0 && millis > 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
