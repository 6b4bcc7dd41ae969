package org.sessionthreads.conformance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * The placement is a hypothesis like any filter: when the cursor's reads missed the awaited event and a plain
     * read confirms, events listed up to the placement stay before the mark; what follows it decides.
     */
    @ParameterizedTest
    @EnumSource(EventChannel.class)
    void should_count_only_what_follows_its_placement_when_a_plain_read_confirms(EventChannel channel)
            throws Exception {
        target = new FakeEventsTarget(2, false);
        target.append("evt_1", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");
        target.append("evt_2", "session.thread_status_idle", "sthr_x");
        target.resolveAfterIdWithinTypes(); // why: after_id=evt_2 reads as the end of a type-filtered list
        target.typedStreamOmits(EventMatcher.THREAD_MESSAGE_RECEIVED);
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofMillis(300)), new EventTimings()).on(channel, new EventTimings());

        EventCursor cursor = events.placedAfter(FakeEventsTarget.SESSION, "evt_2");
        target.append("evt_3", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");

        assertThat(cursor.awaitFirst(EventMatcher.deliveryTo("sthr_x")).id()).isEqualTo("evt_3");
        assertThat(cursor.all(EventMatcher.deliveryTo("sthr_x"))).extracting(Event::id).containsExactly("evt_3");
        events.close();
    }

    /**
     * A quiet window that sees an event through a placed cursor condemns only when a plain read shows the event
     * after the placement: here the hook's id is not in the list (the target reads an unknown id as "from the
     * start"), so the earlier delivery is set aside, and a delivery that follows the placement still fails.
     */
    @ParameterizedTest
    @EnumSource(EventChannel.class)
    void should_condemn_a_sighting_only_when_a_plain_read_shows_it_after_the_placement(EventChannel channel)
            throws Exception {
        target = new FakeEventsTarget(2, false);
        target.append("evt_1", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");
        target.append("evt_2", "session.thread_status_idle", "sthr_x");
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofMillis(300)), new EventTimings()).on(channel, new EventTimings());

        events.placedAfter(FakeEventsTarget.SESSION, "evt_not_listed")
                .assertNoneDuring(EventMatcher.deliveryTo("sthr_x"), Duration.ofMillis(400));
        EventCursor unlisted = events.placedAfter(FakeEventsTarget.SESSION, "evt_not_listed");
        unlisted.assertNoneDuring(EventMatcher.deliveryTo("sthr_x"), Duration.ofMillis(200)); // why: reads the feed
        assertThat(unlisted.first(EventMatcher.deliveryTo("sthr_x"))).as("seen through the placement").isPresent();
        assertThat(unlisted.firstAfterMark(EventMatcher.deliveryTo("sthr_x"))).as("not after it").isEmpty();

        EventCursor placed = events.placedAfter(FakeEventsTarget.SESSION, "evt_2");
        target.append("evt_3", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");
        assertThatThrownBy(() -> placed.assertNoneDuring(EventMatcher.deliveryTo("sthr_x"), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("evt_3");
        assertThat(placed.firstAfterMark(EventMatcher.deliveryTo("sthr_x"))).map(o -> o.event().id())
                .contains("evt_3");
        events.close();
    }

    /** A stream that repeats the event named by Last-Event-ID: the repeat precedes the placement and is set aside. */
    @org.junit.jupiter.api.Test
    void should_set_aside_the_placement_event_a_sloppy_stream_repeats() throws Exception {
        target = new FakeEventsTarget(2, true);
        target.append("evt_1", EventMatcher.THREAD_MESSAGE_RECEIVED, "sthr_x");
        SessionEvents events = target.sessionEvents(FakeEventsTarget.timeouts(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofMillis(300)), new EventTimings()).on(EventChannel.SSE, new EventTimings());

        events.placedAfter(FakeEventsTarget.SESSION, "evt_1")
                .assertNoneDuring(EventMatcher.deliveryTo("sthr_x"), Duration.ofMillis(400));
        events.close();
    }
}
