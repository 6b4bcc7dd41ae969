package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.config.EventChannel;

/**
 * A cursor placed after a known event sends nothing when it is made and, at its first read, sees exactly what came
 * after that event, also what was appended before the read (the act that followed the fixture at once).
 */
class PlacedCursorTest {
    private FakeEventsTarget target;

    @AfterEach
    void stop() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(EventChannel.class)
    void should_read_everything_after_its_mark_from_its_first_read_on(EventChannel channel) throws Exception {
        target = new FakeEventsTarget(2, false);
        target.append("evt_1", "session.thread_status_running", "sthr_x");
        target.append("evt_2", "session.thread_status_idle", "sthr_x");
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(5)), new EventTimings()).on(channel, new EventTimings());

        EventCursor cursor = events.placedAfter(FakeEventsTarget.SESSION, "evt_2");
        List<String> streamsBeforeRead = target.lastEventIds();
        target.append("evt_3", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");
        target.append("evt_4", EventMatcher.THREAD_STATUS_RUNNING, "sthr_x");

        Event delivery = cursor.awaitFirst(EventMatcher.deliveryTo("sthr_x"));
        cursor.awaitFirst(EventMatcher.ofType(EventMatcher.THREAD_STATUS_RUNNING, "sthr_x"));

        assertThat(streamsBeforeRead).isEmpty();
        assertThat(delivery.id()).isEqualTo("evt_3");
        assertThat(cursor.all(new EventMatcher("any", e -> true))).extracting(Event::id)
                .containsExactly("evt_3", "evt_4");
        if (channel == EventChannel.SSE) {
            assertThat(target.lastEventIds()).first().isEqualTo("evt_2"); // later ones: resumes of the short stream
        } else {
            assertThat(target.lastEventIds()).isEmpty();
        }
        events.close();
    }
}
