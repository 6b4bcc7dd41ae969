package org.sessionthreads.conformance.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.config.TargetProfile;

/**
 * Compares the profile with the findings. The rules (docs/settings.md#discovery):
 * <ul>
 *   <li>declared and visibly ABSENT → an error naming it; the run stops with that one line instead of failing
 *       every scenario that needs it (the event channels, a hook or creation API that is the only fixture
 *       strategy);</li>
 *   <li>PRESENT and not declared → a hint, or, for an event channel beyond the baseline (the event stream) with
 *       {@code discover_capabilities: true}, the channel is switched on for the run and reported as
 *       discovered;</li>
 *   <li>UNKNOWN never changes anything: what cannot be seen is taken as declared (Idempotency-Key always).</li>
 * </ul>
 */
final class DeclaredVsObserved {
    private DeclaredVsObserved() {
    }

    static DiscoveryReport judge(TargetProfile profile, List<Finding> findings) {
        List<String> errors = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        List<String> discovered = new ArrayList<>();
        List<String> channels = new ArrayList<>(profile.capabilities().eventChannels());
        List<String> strategies = profile.fixtureStrategies();

        for (EventChannel channel : EventChannel.values()) {
            find(findings, channel.capability()).ifPresent(f -> {
                boolean declared = channels.contains(channel.wireName());
                if (declared && f.presence() == Presence.ABSENT) {
                    errors.add("event_channels lists " + channel.wireName() + ", but the target has no "
                            + channel.endpoint() + ": " + f.observed() + " [" + f.evidence() + "]");
                } else if (!declared && !channel.baseline() && f.presence() == Presence.PRESENT) {
                    if (profile.discovery().adoptCapabilities()) {
                        channels.add(channel.wireName());
                        discovered.add("the " + channel.wireName() + " event channel: " + f.observed() + " ["
                                + f.evidence() + "]; the event scenarios also run through it "
                                + "(discover_capabilities: true)");
                    } else {
                        hints.add("the target serves an " + channel.endpoint() + " (" + f.observed() + "): add "
                                + channel.wireName() + " to event_channels or set discover_capabilities: true");
                    }
                }
            });
        }
        find(findings, Capabilities.FIXTURE_HOOK).ifPresent(f -> {
            if (strategies.equals(List.of("hook")) && f.presence() == Presence.ABSENT) {
                errors.add("fixture_strategies is [hook] only, but the target has no fixture hook: " + f.observed()
                        + (f.evidence().isEmpty() ? "" : " [" + f.evidence() + "]"));
            } else if (!strategies.contains("hook") && f.presence() == Presence.PRESENT) {
                hints.add("the target has a fixture hook (" + f.observed() + "): add hook to fixture_strategies");
            }
        });
        find(findings, Capabilities.PUBLIC_API).ifPresent(f -> {
            if (strategies.equals(List.of("api")) && f.presence() == Presence.ABSENT) {
                errors.add("fixture_strategies is [api] only, but the target has no public creation API: "
                        + f.observed() + " [" + f.evidence() + "]");
            } else if (!strategies.contains("api") && f.presence() == Presence.PRESENT) {
                hints.add("the target has the public creation API (" + f.observed() + "): the api fixture "
                        + "strategy could use it (fixture_strategies, api.prompts.*)");
            }
        });
        TargetProfile effective = channels.equals(profile.capabilities().eventChannels()) ? profile
                : profile.withEventChannels(channels);
        return new DiscoveryReport(true, findings, errors, hints, discovered, effective);
    }

    private static Optional<Finding> find(List<Finding> findings, String capability) {
        return findings.stream().filter(f -> f.capability().equals(capability)).findFirst();
    }
}
