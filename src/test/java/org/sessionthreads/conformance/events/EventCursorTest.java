package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.waits.Pause;

/**
 * The cursor through both channels against a scripted target: pages of two, a stream that drops after every
 * write (and repeats the last event on resume), and the timing verdicts of the terminated event.
 */
class EventCursorTest {
    /** Hard limit and quiet window of a cursor that must come up empty: the 300 ms its messages name. */
    private static final Duration TIGHT = Duration.ofMillis(300);
    /** Hard limit and quiet window of a cursor that must see what the test appends, however loaded the machine. */
    private static final Duration ROOMY = Duration.ofSeconds(3);
    /** The expected latency of the cursors that judge an event on time. */
    private static final Duration ROOMY_EXPECTED = Duration.ofSeconds(3);
    private static final String TERMINATED = EventMatcher.THREAD_STATUS_TERMINATED;
    private static final Duration LONG = Duration.ofSeconds(5);
    private FakeEventsTarget target;

    @AfterEach
    void stop() {
        target.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_see_every_event_after_the_mark_once_in_order(EventChannel channel) throws Exception {
        target = new FakeEventsTarget(2, true);
        target.append("evt_1", "session.thread_created", "sthr_x");
        target.append("evt_2", "session.thread_status_idle", "sthr_x");
        EventTimings timings = new EventTimings();
        EventCursor cursor = target.sessionEvents(FakeEventsTarget.timeouts(LONG, Duration.ZERO, LONG), timings)
                .on(channel, timings).openFor(FakeEventsTarget.SESSION);

        for (int i = 3; i <= 7; i++) {
            target.append("evt_" + i, i == 7 ? TERMINATED : "agent.message", i % 2 == 0 ? "sthr_x" : "sthr_other");
        }
        Event terminated = cursor.awaitFirst(EventMatcher.terminated("sthr_other"));

        assertThat(terminated.id()).isEqualTo("evt_7");
        assertThat(cursor.all(new EventMatcher("any", e -> true))).extracting(Event::id)
                .containsExactly("evt_3", "evt_4", "evt_5", "evt_6", "evt_7");
        cursor.close();
    }

    @Test
    void should_resume_a_dropped_stream_with_the_last_event_id_it_delivered() throws Exception {
        target = new FakeEventsTarget(100, false);
        target.append("evt_1", "session.thread_created", "sthr_x");
        EventCursor cursor = target.sessionEvents(FakeEventsTarget.timeouts(LONG, Duration.ZERO, LONG),
                new EventTimings()).on(EventChannel.SSE, new EventTimings()).openFor(FakeEventsTarget.SESSION);
        target.append("evt_2", "session.thread_status_idle", "sthr_x");
        cursor.awaitFirst(EventMatcher.ofType("session.thread_status_idle", "sthr_x"));

        target.append("evt_3", TERMINATED, "sthr_x");
        cursor.awaitFirst(EventMatcher.terminated("sthr_x"));

        assertThat(target.lastEventIds()).startsWith("evt_1").contains("evt_2")
                .allMatch(id -> id.equals("evt_1") || id.equals("evt_2") || id.equals("evt_3"));
        assertThat(cursor.all(new EventMatcher("any", e -> true))).extracting(Event::id)
                .containsExactly("evt_2", "evt_3");
        cursor.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_judge_an_event_that_comes_with_the_answer_on_time(EventChannel channel) throws Exception {
        EventTimings timings = new EventTimings();

        Termination termination = archivedOn(channel, timings, "evt_t").assertOnTime().assertOnce();

        assertThat(termination.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
        assertThat(termination.latency()).isLessThanOrEqualTo(ROOMY_EXPECTED);
        assertThat(timings.snapshot(channel).samples()).isEqualTo(1);
        assertThat(timings.snapshot(channel).verdicts()).containsEntry(TerminationVerdict.ON_TIME, 1);
    }

    @Test
    void should_judge_an_event_proven_absent_after_the_expected_latency_late() throws Exception {
        target = new FakeEventsTarget(100, false);
        EventCursor cursor = openOn(EventChannel.POLLING, ROOMY, Duration.ofMillis(200), new EventTimings());

        cursor.timed(() -> {
            appendLater("evt_t", Duration.ofMillis(800));
            return "archive answered; its event comes 800 ms later";
        });
        Termination termination = cursor.awaitTermination("sthr_x");

        assertThat(termination.verdict()).isEqualTo(TerminationVerdict.LATE);
        assertThatThrownBy(termination::assertOnTime).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("LATE: Expecting session.thread_status_terminated for sthr_x within 200 ms")
                .hasMessageContaining("the hard limit timeouts.event is 3 s");
    }

    @Test
    void should_not_call_an_event_late_when_only_the_client_was_held_back() throws Exception {
        target = new FakeEventsTarget(100, false);
        EventCursor cursor = openOn(EventChannel.POLLING, ROOMY, Duration.ofMillis(200), new EventTimings());

        cursor.timed(() -> archive("evt_t"));
        Pause.parkFor(Duration.ofMillis(600)); // the client reads nothing, as behind a 429's Retry-After or its caps
        Termination termination = cursor.awaitTermination("sthr_x");

        assertThat(termination.latency()).isGreaterThan(Duration.ofMillis(200));
        assertThat(termination.verdict()).as("arrived late, but never proven absent after 200 ms")
                .isEqualTo(TerminationVerdict.ON_TIME);
    }

    private void appendLater(String eventId, Duration after) {
        Thread later = new Thread(() -> {
            if (Pause.parkFor(after)) {
                target.append(eventId, TERMINATED, "sthr_x");
            }
        });
        later.setDaemon(true);
        later.start();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_say_what_was_seen_when_the_event_is_missing(EventChannel channel) throws Exception {
        target = new FakeEventsTarget(100, false);
        EventTimings timings = new EventTimings();
        EventCursor cursor = openOn(channel, TIGHT, Duration.ofMillis(100), timings);

        cursor.timed(() -> {
            target.append("evt_i", "session.thread_status_idle", "sthr_x");
            return null;
        });

        assertThatThrownBy(() -> cursor.awaitTermination("sthr_x")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("MISSING: no session.thread_status_terminated for sthr_x within 300 ms of "
                        + "the archive answer (via " + channel)
                .hasMessageContaining("last 1 of 1 events seen: session.thread_status_idle evt_i (thread sthr_x) +");
        assertThat(timings.snapshot(channel).verdicts()).containsEntry(TerminationVerdict.MISSING, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_call_an_event_that_was_there_before_the_request_out_of_order(EventChannel channel) throws Exception {
        target = new FakeEventsTarget(100, false);
        EventCursor cursor = openOn(channel, ROOMY, Duration.ofMillis(100), new EventTimings());
        target.append("evt_early", TERMINATED, "sthr_x");
        cursor.awaitFirst(EventMatcher.terminated("sthr_x"));

        cursor.timed(() -> "no archive at all");

        assertThatThrownBy(() -> cursor.awaitTermination("sthr_x")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("OUT_OF_ORDER: session.thread_status_terminated for sthr_x (evt_early) was "
                        + "received");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventChannel.class)
    void should_call_a_second_terminated_event_a_duplicate(EventChannel channel) throws Exception {
        EventTimings timings = new EventTimings();
        Termination termination = archivedOn(channel, timings, "evt_a");

        target.append("evt_b", TERMINATED, "sthr_x");

        assertThatThrownBy(termination::assertOnce).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("DUPLICATE: Expecting one session.thread_status_terminated for sthr_x but a "
                        + "second one, evt_b, arrived +");
        assertThat(timings.snapshot(channel).verdicts()).containsEntry(TerminationVerdict.DUPLICATE, 1);
    }

    /**
     * A fresh target, a cursor on {@code channel} expecting the event within {@link #ROOMY_EXPECTED}, and the
     * termination of {@code sthr_x} by a timed archive that appends {@code eventId} as its terminated event.
     */
    private Termination archivedOn(EventChannel channel, EventTimings timings, String eventId) throws Exception {
        target = new FakeEventsTarget(100, false);
        EventCursor cursor = openOn(channel, ROOMY, ROOMY_EXPECTED, timings);
        cursor.timed(() -> archive(eventId));
        return cursor.awaitTermination("sthr_x");
    }

    /**
     * A cursor whose hard limit and quiet window are {@code limits}: {@link #TIGHT} where the test expects the
     * negative (missing, late: load cannot turn it into a pass), {@link #ROOMY} where it expects an event to be seen
     * (a loaded 2-core machine must not turn it into a miss).
     */
    private EventCursor openOn(EventChannel channel, Duration limits, Duration expected, EventTimings timings) {
        return target.sessionEvents(FakeEventsTarget.timeouts(limits, limits, expected), timings)
                .on(channel, timings).openFor(FakeEventsTarget.SESSION);
    }

    private String archive(String eventId) {
        target.append(eventId, TERMINATED, "sthr_x");
        return "archived";
    }
}
