package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.config.EventChannel;
import org.sessionthreads.conformance.events.ListCapabilities.Parameter;
import org.sessionthreads.conformance.events.ListCapabilities.Support;

/**
 * Confirm before condemning, against a scripted target whose shortcuts hide events: a list that resolves
 * {@code after_id} within the type-filtered list, and a stream asked for types that never sends the terminated
 * event. The plain read decides, the shortcut is switched off with evidence, and a verdict that does not depend on
 * the shortcut stays what it was.
 */
class ConfirmBeforeCondemningTest {
    private static final String TERMINATED = EventMatcher.THREAD_STATUS_TERMINATED;
    /** The hard limit of a cursor that must find what the test appends, however loaded the machine. */
    private static final Duration ROOMY = Duration.ofSeconds(10);
    /** The hard limit of a cursor that must come up empty. */
    private static final Duration TIGHT = Duration.ofMillis(600);
    private static final Duration EXPECTED = Duration.ofMillis(300);
    private FakeEventsTarget target;

    @AfterEach
    void stop() {
        target.close();
    }

    /** A target with one idle event that resolves {@code after_id} within the type-filtered list. */
    private static FakeEventsTarget afterIdWithinTypes() throws Exception {
        FakeEventsTarget target = new FakeEventsTarget(100, false);
        target.append("evt_idle", "session.thread_status_idle", "sthr_x");
        target.resolveAfterIdWithinTypes();
        return target;
    }

    @Test
    void should_find_the_event_the_filtered_list_hides_and_stop_filtering_with_evidence() throws Exception {
        target = afterIdWithinTypes();
        EventTimings timings = new EventTimings();
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(ROOMY, Duration.ZERO, EXPECTED),
                timings);
        EventCursor cursor = events.openFor(FakeEventsTarget.SESSION);

        cursor.timed(() -> archive("evt_t"));
        Termination termination = cursor.awaitTermination("sthr_x");

        assertThat(termination.event().id()).isEqualTo("evt_t");
        assertThat(termination.verdict()).as("found only by the plain read: never proven absent after the deadline")
                .isEqualTo(TerminationVerdict.ON_TIME);
        assertThat(termination.latency()).isGreaterThanOrEqualTo(EXPECTED);
        assertThat(events.capabilities().of(Parameter.LIST_TYPES)).isEqualTo(Support.DISAGREES);
        assertThat(events.capabilities().findings()).singleElement().asString()
                .startsWith("event list types disagrees with a plain read")
                .contains("after_id=evt_idle", "types=" + TERMINATED,
                        "did not list session.thread_status_terminated evt_t",
                        "read without types after the cursor's mark evt_idle (session.thread_status_idle) shows",
                        "a read with types from the session's start lists them",
                        "the target resolves after_id within the type-filtered list");
    }

    @Test
    void should_read_without_the_filter_once_a_plain_read_disagreed() throws Exception {
        target = afterIdWithinTypes();
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(ROOMY, Duration.ZERO, EXPECTED),
                new EventTimings());
        EventCursor first = events.openFor(FakeEventsTarget.SESSION);
        first.timed(() -> archive("evt_t"));
        first.awaitTermination("sthr_x");
        target.append("evt_idle2", "session.thread_status_idle", "sthr_y");
        int before = target.listQueries().size();

        EventCursor second = events.openFor(FakeEventsTarget.SESSION);
        second.timed(() -> {
            target.append("evt_t2", TERMINATED, "sthr_y");
            return null;
        });
        Termination termination = second.awaitTermination("sthr_y");

        assertThat(termination.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
        assertThat(termination.latency()).as("read plainly: found at once, not at the confirmation")
                .isLessThan(EXPECTED);
        assertThat(target.listQueries().subList(before, target.listQueries().size()))
                .noneMatch(query -> query.contains("types="));
    }

    @Test
    void should_still_call_a_missing_event_missing_when_the_plain_read_shows_everything_else() throws Exception {
        target = afterIdWithinTypes();
        EventTimings timings = new EventTimings();
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(TIGHT, Duration.ZERO, EXPECTED),
                timings);
        EventCursor cursor = events.openFor(FakeEventsTarget.SESSION);

        cursor.timed(() -> {
            target.append("evt_run", EventMatcher.THREAD_STATUS_RUNNING, "sthr_coordinator");
            return "archive answered; no terminated event follows";
        });

        assertThatThrownBy(() -> cursor.awaitTermination("sthr_x")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("MISSING: no session.thread_status_terminated for sthr_x")
                .hasMessageContaining("session.thread_status_running evt_run")
                .hasMessageContaining("confirmed before the verdict: ");
        assertThat(cursor.all(new EventMatcher("any", e -> true))).extracting(Event::id).containsExactly("evt_run");
        assertThat(events.capabilities().of(Parameter.LIST_TYPES)).isEqualTo(Support.DISAGREES);
        assertThat(timings.snapshot(EventChannel.POLLING).verdicts()).containsEntry(TerminationVerdict.MISSING, 1);
    }

    @Test
    void should_name_the_plain_read_that_agreed_when_nothing_came() throws Exception {
        target = afterIdWithinTypes();
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(TIGHT, Duration.ZERO, EXPECTED),
                new EventTimings());
        EventCursor cursor = events.openFor(FakeEventsTarget.SESSION);
        cursor.timed(() -> "archive answered; nothing follows");

        assertThatThrownBy(() -> cursor.awaitTermination("sthr_x")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("MISSING: ")
                .hasMessageContaining("no events at all since the cursor opened; confirmed before the verdict: a plain"
                        + " read without types after the cursor's mark evt_idle agrees (GET ");
        assertThat(events.capabilities().of(Parameter.LIST_TYPES)).isNotEqualTo(Support.DISAGREES);
        assertThat(events.capabilities().findings()).isEmpty();
    }

    @Test
    void should_find_the_event_a_filtered_stream_hides_and_reconnect_without_the_filter() throws Exception {
        target = new FakeEventsTarget(100, false);
        target.append("evt_idle", "session.thread_status_idle", "sthr_x");
        target.typedStreamOmits(TERMINATED);
        EventTimings timings = new EventTimings();
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(ROOMY, Duration.ZERO, EXPECTED),
                timings).on(EventChannel.SSE, timings);
        EventCursor cursor = events.openFor(FakeEventsTarget.SESSION);

        cursor.timed(() -> archive("evt_t"));
        Termination termination = cursor.awaitTermination("sthr_x");

        assertThat(termination.event().id()).isEqualTo("evt_t");
        assertThat(termination.verdict()).isEqualTo(TerminationVerdict.ON_TIME);
        assertThat(events.capabilities().of(Parameter.STREAM_TYPES)).isEqualTo(Support.DISAGREES);
        assertThat(events.capabilities().findings()).singleElement().asString()
                .startsWith("event stream types disagrees with a plain read")
                .contains("the stream asked for types (Last-Event-ID evt_idle) did not deliver "
                        + "session.thread_status_terminated evt_t", "a replay with the same types and Last-Event-ID "
                        + "did not either");
        target.append("evt_t2", TERMINATED, "sthr_z");
        assertThat(cursor.awaitFirst(EventMatcher.terminated("sthr_z")).id()).as("the stream, now without types")
                .isEqualTo("evt_t2");
        cursor.close();
    }

    private String archive(String eventId) {
        target.append(eventId, TERMINATED, "sthr_x");
        return "archived";
    }
}
