package org.sessionthreads.conformance.report.repro;

import java.util.List;
import java.util.Locale;

import org.sessionthreads.conformance.client.Exchange;

/**
 * How to repeat the request a scenario that did not pass was judged on, and whether the target still holds the
 * scenario's fixtures to repeat it against.
 *
 * @param exchange     the exchange whose answer the failure is about (already redacted), or null when the scenario
 *                     made none
 * @param fixtures     what became of the scenario's fixtures
 * @param keptSessions the sessions kept for the reproduction ({@link Fixtures#KEPT}), in the order they were made
 */
public record Reproduction(Exchange exchange, Fixtures fixtures, List<String> keptSessions) {
    /** No reproduction: the scenario passed, or it made no request. */
    public static final Reproduction NONE = new Reproduction(null, Fixtures.NONE, List.of());

    public Reproduction {
        keptSessions = List.copyOf(keptSessions);
    }

    /** What became of a failed scenario's fixtures at the end of the run. */
    public enum Fixtures {
        /** The scenario had no fixtures: its request needs none. */
        NONE,
        /** Kept ({@code keep_failed_fixtures}): in the ledger until {@code sweep} releases them. */
        KEPT,
        /** Released at the end of the run: the target will not find them when the request is repeated. */
        RELEASED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean present() {
        return exchange != null;
    }

    /** The curl line of the request (credential as {@code $CONFORMANCE_TOKEN}); empty without one. */
    public String curl() {
        return exchange == null ? "" : ReproScript.curl(exchange);
    }

    /** One sentence on the fixtures, for the summary. */
    public String fixturesLine() {
        return switch (fixtures) {
            case NONE -> "the request needs no fixture of the run";
            case KEPT -> "its fixtures were kept (" + String.join(", ", keptSessions) + "); release them with `sweep`";
            case RELEASED -> "its fixtures were released at the end of the run, so the target will no longer find"
                    + " them; keep them with `--set keep_failed_fixtures=true`";
        };
    }
}
