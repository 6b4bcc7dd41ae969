package org.sessionthreads.conformance.selftest.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sessionthreads.conformance.explore.Violation;
import org.sessionthreads.conformance.refserver.ServerDialect;
import org.sessionthreads.conformance.refserver.Variation;

/**
 * No false alarm: the conformant reference server, in every dialect and in the variations that change the pace or the
 * answers the model reads, gives no linearizability violation, for simultaneous archives and reads of an idle child
 * and for an archive racing a pending delivery. By default the conformant server alone (the campaign's conformant
 * target covers it too); {@code -Dexplore.selftest=all} adds the pace-and-answers variations and each dialect, and
 * {@code -Dlinear.every_variation=true} every variation (about 25 s each on the 2-core machine).
 */
class ConformantHistoriesSelfTest {
    /** Requests per call: about four rounds of simultaneous archives, two rounds around a delivery. */
    private static final int IDLE_BUDGET = 40;
    private static final int DELIVERY_BUDGET = 16;

    private static final java.util.Set<Variation> PACE_AND_ANSWERS = java.util.EnumSet.of(
            Variation.LATENCY_400_JITTER, Variation.LATE_EVENTS, Variation.REARCHIVE_CONFLICT,
            Variation.TIMESTAMP_STYLES, Variation.RATE_LIMITED, Variation.DEPLOYMENT_PACE, Variation.CLOCK_BEHIND,
            Variation.TWO_ITEM_PAGES);

    @TempDir
    Path reports;

    static Stream<Arguments> servers() {
        List<Arguments> servers = new ArrayList<>();
        servers.add(Arguments.of("conformant", Map.of()));
        if (!SelfTestScope.full() && !Boolean.getBoolean("linear.every_variation")) {
            return servers.stream();
        }
        boolean every = Boolean.getBoolean("linear.every_variation");
        for (Variation variation : Variation.values()) {
            if (!every && !PACE_AND_ANSWERS.contains(variation)) {
                continue;
            }
            servers.add(Arguments.of(variation.name(), Map.of("embedded_options.variations", variation.name())));
        }
        for (ServerDialect dialect : ServerDialect.values()) {
            String name = dialect.name().toLowerCase(Locale.ROOT).replace('_', '-');
            servers.add(Arguments.of("dialect " + name, Map.of("dialect", name, "embedded_options.dialect", name)));
        }
        return servers.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_conformant_server_gives_no_violation(String server, Map<String, String> settings) throws Exception {
        List<Violation> violations = new ArrayList<>();
        int rounds;
        try (ConcurrentHistories on = new ConcurrentHistories(reports, settings, IDLE_BUDGET)) {
            violations.addAll(on.exploration().explore(on.fixtures().idleChild(), 4));
            rounds = on.exploration().roundsRun();
        }
        try (ConcurrentHistories on = new ConcurrentHistories(reports, settings, DELIVERY_BUDGET)) {
            violations.addAll(on.exploration().explore(on.fixtures().childWithPendingMessage(), 3));
            System.out.println(server + ": " + rounds + " simultaneous rounds, " + on.exploration().roundsRun()
                    + " delivery rounds, violations " + violations.size());
        }

        assertThat(violations).as(() -> violations.stream().map(Violation::observed).findFirst().orElse(""))
                .isEmpty();
    }
}
