package org.sessionthreads.conformance.race;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How a round ended (its interleaving); {@link #text()} is the key the run's interleavings count. */
public sealed interface RoundOutcome {

    String text();

    /**
     * Simultaneous archives: how many answers of each status, how many distinct {@code archived_at} the 200s
     * carried and whether a second terminated event arrived.
     */
    record Simultaneous(SortedMap<Integer, Long> answers, int transitions, boolean secondTermination)
            implements RoundOutcome {

        public Simultaneous {
            answers = new TreeMap<>(answers);
        }

        @Override
        public String text() {
            return answers.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey())
                    .collect(Collectors.joining(" + ")) + (transitions > 1 ? ", " + transitions + " transitions" : "")
                    + (secondTermination ? ", 2 terminated events" : "");
        }
    }

    /** An archive racing a delivery: which came first, as the answer and the events show it. */
    record Delivery(Order order, int status) implements RoundOutcome {

        public enum Order {
            ARCHIVED_FIRST, DELIVERED_FIRST, REFUSED_WITHOUT_DELIVERY, OTHER_ANSWER, DELIVERED_AND_ARCHIVED
        }

        @Override
        public String text() {
            return switch (order) {
                case ARCHIVED_FIRST -> "archived first, message cancelled";
                case DELIVERED_FIRST -> "delivered first, archive refused (409)";
                case REFUSED_WITHOUT_DELIVERY -> "409 without a delivery";
                case OTHER_ANSWER -> "answered " + status;
                case DELIVERED_AND_ARCHIVED -> "delivered AND archived";
            };
        }
    }
}
