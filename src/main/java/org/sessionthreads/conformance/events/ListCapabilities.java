package org.sessionthreads.conformance.events;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the run has learnt about the target's optional event-list parameters and the other shortcuts the cursors
 * take, shared by every cursor of the run (thread-safe). Each one starts {@link Support#UNTRIED} and is learnt
 * lazily, by the first cursor that uses it, from what the target answered: a 400 to it is {@link Support#REJECTED},
 * an answer that shows it was not applied (an older event to {@code order=desc}, an event of another type to
 * {@code types}) is {@link Support#IGNORED}. Either way later cursors stop sending it and read in full: a missing
 * feature costs time, never a verdict, because every page is still checked client-side.
 *
 * <p>Every shortcut is a hypothesis ("confirm before condemning", docs/event-reading.md): a negative verdict that
 * rests on a read using one is confirmed by a plain read first. A plain read that shows what the shortcut hid makes
 * it {@link Support#DISAGREES}: it is not used again in the run, and the evidence is one of {@link #findings()}, which
 * the run summary reports as a WARN about the target (never a verdict). Only evidence changes the state;
 * {@link Support#WORKS} is never downgraded by an ambiguous answer.
 */
public final class ListCapabilities {
    /** The shortcuts the cursors use. */
    public enum Parameter {
        /** {@code order=desc&limit=1} on the event list, to find the newest event without reading the rest. */
        NEWEST_FIRST("event list order=desc"),
        /** {@code types=…} on the event list, to skip unrelated events. */
        LIST_TYPES("event list types"),
        /** {@code types=…} on the event stream. */
        STREAM_TYPES("event stream types"),
        /**
         * The fixture hook's {@code last_event_id}, taken as the session's newest event when
         * {@code after_id=<it>&limit=1} lists nothing.
         */
        LAST_EVENT_ID_HINT("fixture hook last_event_id");

        private final String label;

        Parameter(String label) {
            this.label = label;
        }

        /** How reports name it, e.g. {@code event list types}. */
        public String label() {
            return label;
        }
    }

    /** What is known about one parameter. */
    public enum Support {
        UNTRIED, WORKS, IGNORED, REJECTED,
        /** A plain read showed an event that reads using it had not shown; see {@link #findings()}. */
        DISAGREES;

        /** True unless the target was seen to reject or ignore it, or to disagree with a plain read. */
        public boolean worthTrying() {
            return this == UNTRIED || this == WORKS;
        }
    }

    private final Map<Parameter, Support> known = new EnumMap<>(Parameter.class);
    private final Map<Parameter, String> disagreements = new EnumMap<>(Parameter.class);

    public synchronized Support of(Parameter parameter) {
        return known.getOrDefault(parameter, Support.UNTRIED);
    }

    /** Records that the target honoured {@code parameter} (unless it was already seen not to). */
    synchronized void works(Parameter parameter) {
        known.putIfAbsent(parameter, Support.WORKS);
    }

    /** Records that the target rejected or ignored {@code parameter}; later cursors read without it. */
    synchronized void lacks(Parameter parameter, Support how) {
        if (known.get(parameter) != Support.DISAGREES) {
            known.put(parameter, how);
        }
    }

    /**
     * Records that a plain read disagreed with reads using {@code parameter}: later cursors read without it, and
     * {@code evidence} (which request showed what, which plain read showed what) becomes a finding. The first
     * evidence is kept.
     */
    synchronized void disagrees(Parameter parameter, String evidence) {
        known.put(parameter, Support.DISAGREES);
        disagreements.putIfAbsent(parameter, evidence);
    }

    /**
     * One line per shortcut a plain read disagreed with, with its evidence: findings about the target for the run
     * summary (WARN lines), never verdicts. Empty when every confirmation agreed or none was needed.
     */
    public synchronized List<String> findings() {
        List<String> lines = new ArrayList<>();
        disagreements.forEach((parameter, evidence) -> lines.add(parameter.label() + " disagrees with a plain read"
                + " (the suite stopped using it for the rest of the run): " + evidence));
        return lines;
    }

    /** One line for reports, e.g. {@code NEWEST_FIRST=WORKS, LIST_TYPES=IGNORED}. */
    public synchronized String describe() {
        return known.isEmpty() ? "nothing tried" : known.toString();
    }
}
