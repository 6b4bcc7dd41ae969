package org.sessionthreads.conformance.junit;

import java.util.ArrayList;
import java.util.List;

import org.sessionthreads.conformance.config.EffectiveSettings;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.discovery.DiscoveryReport;

/**
 * The three lines a run starts with on the console: the target, the profile and dialect with how many settings
 * were chosen, and what discovery found in one line. With {@code console.verbose} every discovery finding and the
 * effective settings by source follow; both are always in summary.md and summary.json.
 */
final class RunHeader {
    private RunHeader() {
    }

    static List<String> lines(String target, TargetProfile profile, DiscoveryReport discovery) {
        EffectiveSettings settings = profile.effective();
        int chosen = settings.chosen().size();
        List<String> lines = new ArrayList<>(List.of("target: " + target,
                "profile: " + profile.name() + ", dialect " + profile.readings().dialect().wireName() + "; "
                        + chosen + " settings chosen, " + (settings.entries().size() - chosen) + " defaults",
                discovery.oneLine()));
        if (profile.console().verbose()) {
            lines.addAll(discovery.lines());
            lines.addAll(settings.lines());
        }
        return lines;
    }
}
