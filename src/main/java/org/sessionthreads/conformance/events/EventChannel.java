package org.sessionthreads.conformance.events;

import java.util.Arrays;
import java.util.List;

import org.sessionthreads.conformance.config.TargetProfile;

/**
 * How the suite reads a session's events. Both give the same {@link EventCursor}; the profile's
 * {@code event_channels} says which ones the target offers, and event scenarios run once per offered channel.
 */
public enum EventChannel {
    /** {@code GET /sessions/{id}/events?after_id=…}, following {@code has_more}, polled with backoff. */
    POLLING("polling"),
    /** {@code GET /sessions/{id}/events/stream} (Server-Sent Events), resumed with {@code Last-Event-ID}. */
    SSE("sse");

    private final String wireName;

    EventChannel(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in profiles ({@code event_channels: [polling, sse]}) and in scenario names. */
    public String wireName() {
        return wireName;
    }

    /** The channels {@code profile} offers, in this enum's order. */
    public static List<EventChannel> offeredBy(TargetProfile profile) {
        return Arrays.stream(values()).filter(channel -> channel.isOfferedBy(profile)).toList();
    }

    public boolean isOfferedBy(TargetProfile profile) {
        return profile.capabilities().eventChannels().contains(wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
