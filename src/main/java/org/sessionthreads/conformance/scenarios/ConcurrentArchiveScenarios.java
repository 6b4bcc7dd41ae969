package org.sessionthreads.conformance.scenarios;

import org.sessionthreads.conformance.race.ArchiveRaces;
import org.sessionthreads.conformance.race.RaceReport;
import org.sessionthreads.conformance.fixture.Fixtures;
import org.sessionthreads.conformance.junit.ConformanceScenarios;
import org.sessionthreads.conformance.junit.EventChannelTest;
import org.sessionthreads.conformance.junit.Requirement;

/**
 * Archives racing each other and racing the target's own work, through the race kit: each race is repeated
 * {@code race.repetitions} times on fresh fixtures, and every round is judged on answers, events and stored state.
 * A race with a second child of the same coordinator is not here: the fixture hook offers one child per session.
 */
@ConformanceScenarios
public class ConcurrentArchiveScenarios {

    @Requirement("CONC-001")
    @EventChannelTest
    void simultaneousArchivesTransitionOnce(Fixtures fixtures, ArchiveRaces races) {
        RaceReport report = races.simultaneousArchives(() -> fixtures.idleChild().thread());

        report.assertEveryRoundKeptThePromise();
    }

    @Requirement("CONC-002")
    @EventChannelTest
    void anArchiveRacingTheDeliveryNeverArchivesAndDelivers(Fixtures fixtures, ArchiveRaces races) {
        RaceReport report = races.archiveAgainstDelivery(fixtures::childWithPendingMessage);

        report.assertEveryRoundKeptThePromise();
    }
}
