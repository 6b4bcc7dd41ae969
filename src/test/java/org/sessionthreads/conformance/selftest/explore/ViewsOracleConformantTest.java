package org.sessionthreads.conformance.selftest.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionthreads.conformance.config.Dialect;
import org.sessionthreads.conformance.fixture.FixtureKind;
import org.sessionthreads.conformance.refserver.ServerDialect;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * The views oracle reports nothing against a conformant reference server: with every {@link Variation} alone, and
 * in each dialect. Each target plays one tour of sequences (a refused coordinator archive, an archive and a
 * re-archive, a waiting coordinator, a pending message waited past its delivery, a running child); the targets
 * run at once. By default each dialect conformant; {@code -Dexplore.selftest=all} adds every variation.
 */
class ViewsOracleConformantTest {
    private static final ParallelTargets TARGETS = new ParallelTargets();

    @BeforeAll
    static void playEveryTourAtOnce() {
        for (String name : targets()) {
            TARGETS.start(name, () -> name.equals(Variation.HUGE_HISTORY.name()) ? shortTour(target(name))
                    : tour(target(name)));
        }
    }

    @AfterAll
    static void stop() {
        TARGETS.shutdown();
    }

    static List<String> targets() {
        List<String> names = new ArrayList<>(List.of("dialect archive-page", "dialect cas", "dialect forward"));
        if (!SelfTestScope.full()) {
            return names;
        }
        for (Variation variation : Variation.values()) {
            names.add(variation.name());
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void should_report_no_violation_against_a_conformant_server(String name) {
        ParallelTargets.Outcome outcome = TARGETS.outcome(name);

        assertThat(outcome.requirements()).as(name + "\n" + outcome.described()).isEmpty();
        System.out.println("[views] " + name + " clean; requests per call " + outcome.requests());
    }

    private static ViewsTarget target(String name) {
        ServerOptions options = ServerOptions.defaults("unused");
        return switch (name) {
            case "dialect archive-page" -> ViewsTarget.of(options);
            case "dialect cas" -> new ViewsTarget(options.withDialect(ServerDialect.CAS), Dialect.CAS);
            case "dialect forward" -> new ViewsTarget(options.withDialect(ServerDialect.FORWARD), Dialect.FORWARD);
            default -> ViewsTarget.of(options.withVariation(Variation.valueOf(name)));
        };
    }

    /**
     * {@code HUGE_HISTORY} puts 100,000 events between each archive and its terminated event, which the plain log
     * reads in full (1,000 pages): one archive and a re-archive, not the whole tour.
     */
    private static ViewsTarget shortTour(ViewsTarget target) {
        return target.fixture(FixtureKind.IDLE_CHILD).archiveChild().archiveChild();
    }

    private static ViewsTarget tour(ViewsTarget target) {
        return target.fixtureOnly(FixtureKind.CHILD_WITH_PENDING_MESSAGE).archiveChild()
                .waitFor(ViewsTarget.DELIVER_AFTER.plusMillis(300))
                .fixture(FixtureKind.IDLE_CHILD).archiveCoordinator().archiveChild().archiveChild()
                .fixture(FixtureKind.WAITING_COORDINATOR).archiveChild()
                .fixture(FixtureKind.RUNNING_CHILD).archiveChild()
                .waitFor(Duration.ofMillis(200));
    }
}
