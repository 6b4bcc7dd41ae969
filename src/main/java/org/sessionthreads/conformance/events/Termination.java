package org.sessionthreads.conformance.events;

import java.time.Duration;

import org.sessionthreads.conformance.client.Event;

/**
 * The terminated event of one archive as {@link EventCursor#awaitTermination} found it: the event, how long after
 * the archive answer it arrived, and the verdict so far (ON_TIME or LATE). The checks that need more than the
 * first event live here.
 */
public final class Termination {
    private final EventCursor cursor;
    private final EventMatcher matcher;
    private final Event event;
    private final TerminationVerdict verdict;
    private final Duration latency;

    Termination(EventCursor cursor, EventMatcher matcher, Event event, TerminationVerdict verdict, Duration latency) {
        this.cursor = cursor;
        this.matcher = matcher;
        this.event = event;
        this.verdict = verdict;
        this.latency = latency;
    }

    public Event event() {
        return event;
    }

    public TerminationVerdict verdict() {
        return verdict;
    }

    /** From the archive answer to the moment the event was received (zero when it arrived with the answer). */
    public Duration latency() {
        return latency;
    }

    /**
     * @throws AssertionError LATE: the event came after {@code timeouts.event_expected} (within the hard limit)
     */
    public Termination assertOnTime() {
        if (verdict == TerminationVerdict.LATE) {
            throw new AssertionError("LATE: Expecting " + matcher.description() + " within "
                    + DurationText.of(cursor.waits().timeouts().eventExpected())
                    + " of the archive answer (timeouts.event_expected) but it arrived after "
                    + DurationText.of(latency) + " (via " + cursor.via() + "; the hard limit timeouts.event is "
                    + DurationText.of(cursor.waits().timeouts().event()) + ")");
        }
        return this;
    }

    /**
     * Watches for {@code timeouts.quiet} and fails as soon as a second terminated event for the thread arrives.
     *
     * @throws AssertionError DUPLICATE, naming both events and when they arrived
     */
    public Termination assertOnce() {
        Duration quiet = cursor.waits().timeouts().quiet();
        cursor.watchFor(matcher.other(event), quiet).ifPresent(second -> {
            cursor.timings().record(cursor.channel(), TerminationVerdict.DUPLICATE, null);
            throw new AssertionError("DUPLICATE: Expecting one " + matcher.description() + " but a second one, "
                    + second.event().id() + ", arrived " + cursor.since(second) + " besides " + event.id()
                    + " (+" + DurationText.of(latency) + "; watched " + DurationText.of(quiet) + " via "
                    + cursor.via() + "); " + cursor.tail());
        });
        return this;
    }
}
