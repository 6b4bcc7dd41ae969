package org.sessionthreads.conformance.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the suite reads a session's events, named once for every layer: the profile's {@code event_channels} lists
 * the ones the target offers (settings), discovery probes each (its finding is the channel's {@link #capability()}),
 * and event scenarios run once per offered channel (each reads through its own feed in {@code events}).
 */
public enum EventChannel {
    /** {@code GET /sessions/{id}/events?after_id=…}, following {@code has_more}, polled with backoff. */
    POLLING("polling", "event list with `after_id`", "event_list", "event list", true, false),
    /** {@code GET /sessions/{id}/events/stream} (Server-Sent Events), resumed with {@code Last-Event-ID}. */
    SSE("sse", "event stream with `Last-Event-ID`", "event_stream", "event stream", false, true);

    private final String wireName;
    private final String description;
    private final String capability;
    private final String endpoint;
    private final boolean baseline;
    private final boolean pushed;

    EventChannel(String wireName, String description, String capability, String endpoint, boolean baseline,
                 boolean pushed) {
        this.wireName = wireName;
        this.description = description;
        this.capability = capability;
        this.endpoint = endpoint;
        this.baseline = baseline;
        this.pushed = pushed;
    }

    /** The name used in profiles ({@code event_channels: [polling, sse]}) and in scenario names. */
    public String wireName() {
        return wireName;
    }

    /** What the channel reads, for the settings reference, e.g. {@code event stream with `Last-Event-ID`}. */
    public String description() {
        return description;
    }

    /** The name of discovery's finding on this channel's endpoint, e.g. {@code event_stream}. */
    public String capability() {
        return capability;
    }

    /** The endpoint in words, for discovery's lines, e.g. {@code event stream}. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * Whether the channel is the baseline every target is taken to offer: the {@code event_channels} default, kept
     * by a starter profile unless discovery saw it absent. Any other channel is listed only where the target visibly
     * offers it, and discovery may switch it on ({@code discover_capabilities}).
     */
    public boolean baseline() {
        return baseline;
    }

    /**
     * Whether the target pushes the events over one open connection, which a cursor placed after a known event
     * opens at its first read (the stream); otherwise the suite asks for them page by page.
     */
    public boolean pushed() {
        return pushed;
    }

    /** The channels {@code profile} offers, in this enum's order. */
    public static List<EventChannel> offeredBy(TargetProfile profile) {
        return Arrays.stream(values()).filter(channel -> channel.isOfferedBy(profile)).toList();
    }

    public boolean isOfferedBy(TargetProfile profile) {
        return profile.capabilities().eventChannels().contains(wireName);
    }

    /** The channel of wire name {@code text} (any case), if there is one. */
    public static Optional<EventChannel> find(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.wireName.equals(normalised)).findFirst();
    }

    /** Every wire name, in this enum's order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventChannel::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
