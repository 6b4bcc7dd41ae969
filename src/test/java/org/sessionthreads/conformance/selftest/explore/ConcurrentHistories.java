package org.sessionthreads.conformance.selftest.explore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.sessionthreads.conformance.client.EventsApi;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.TargetProfile;
import org.sessionthreads.conformance.explore.linear.ArchiveConcurrency;
import org.sessionthreads.conformance.fixture.FixtureTargets;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.fixture.provider.HookProvider;
import org.sessionthreads.conformance.waits.Waits;

/**
 * Test helper: an embedded reference server (in-process, port 0) started with {@code settings}, and an
 * {@link ArchiveConcurrency} on it whose fixtures come from the server's hook.
 */
final class ConcurrentHistories implements AutoCloseable {
    private final FixtureTargets targets;
    private final Fixtures fixtures;
    private final ArchiveConcurrency exploration;

    ConcurrentHistories(Path reports, Map<String, String> settings, int requestBudget) {
        TargetProfile profile = FixtureTargets.profile(reports, settings);
        this.targets = FixtureTargets.open(profile);
        this.fixtures = new Fixtures(List.of(new HookProvider()), targets.context());
        this.exploration = new ArchiveConcurrency(new ThreadsApi(targets.client(), targets.target().apiBase()),
                new EventsApi(targets.client(), targets.target().apiBase()), new Waits(profile.timeouts()),
                fixtures::obtain, profile.readings(), requestBudget);
    }

    Fixtures fixtures() {
        return fixtures;
    }

    ArchiveConcurrency exploration() {
        return exploration;
    }

    @Override
    public void close() throws Exception {
        fixtures.close();
        targets.close();
    }
}
