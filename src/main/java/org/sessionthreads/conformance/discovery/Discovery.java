package org.sessionthreads.conformance.discovery;

import java.util.Optional;

import org.sessionthreads.conformance.client.DiscoveryRequests;
import org.sessionthreads.conformance.client.FixtureHook;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.fixture.ledger.FixtureLedger;

/**
 * The probe before the scenarios: a few harmless requests, then the declared profile against what was seen.
 *
 * <pre>{@code
 * DiscoveryReport report = Discovery.run(profile, new DiscoveryRequests(client, streams, apiBase), hook, ledger);
 * report.stopLine();      // "the target refuses the profile's token (…): check the token",
 *                         // "declared capability missing: event_channels lists sse, but …", or empty
 * report.effective();     // the profile the scenarios run with
 * report.fixtureWindow();  // what the run asks of time-critical fixtures (window_ms), from the probe's round trips
 * }</pre>
 */
public final class Discovery {
    private Discovery() {
    }

    /**
     * Probes the target (unless {@code discovery: false}) and judges the profile against it.
     *
     * @param hook   the run's fixture hook, if it has a URL
     * @param ledger where the one session discovery may make (and releases) is recorded
     */
    public static DiscoveryReport run(TargetProfile profile, DiscoveryRequests requests, Optional<FixtureHook> hook,
                                      FixtureLedger ledger) {
        if (!profile.discovery().enabled()) {
            return DiscoveryReport.skipped(profile);
        }
        return probe(profile, requests, hook, ledger);
    }

    /** Probes whatever {@code discovery} says (the {@code discover} command always probes). */
    public static DiscoveryReport probe(TargetProfile profile, DiscoveryRequests requests, Optional<FixtureHook> hook,
                                        FixtureLedger ledger) {
        return DeclaredVsObserved.judge(profile, new Probe(profile, requests, hook, ledger).run())
                .withRoundTrips(requests.roundTrips());
    }
}
