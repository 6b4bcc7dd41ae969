package org.sessionthreads.conformance.explore.views;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.events.EventMatcher;
import org.sessionthreads.conformance.explore.views.ViewSupport.Support;

/**
 * The session's event stream as two views, compared with the plain log on the judged types: a live stream opened
 * at the oracle's first read of the session (after the log's base) and kept open, so what an archive emits reaches
 * it live; and a stream resumed with {@code Last-Event-ID} at an event in the middle of the log, read until it
 * delivered what the log lists after that event, then closed.
 */
final class StreamViews implements AutoCloseable {
    /** Connections one read opens at most (a target may end its stream after every event). */
    static final int MAX_CONNECTIONS = 500;
    private static final String VIEW = "stream";
    private final EventStreamApi api;
    private final ViewSupport support;
    private final String sessionId;
    private StreamFeed live;
    private String liveAfter;
    private int liveFrom;
    private int requests;

    /** @param api null when the target offers no stream (the profile's event channels) */
    StreamViews(EventStreamApi api, ViewSupport support, String sessionId) {
        this.api = api;
        this.support = support;
        this.sessionId = sessionId;
    }

    int requests() {
        return requests;
    }

    /** Opens the live stream after what the log holds, if not open yet (the oracle's first read of the session). */
    void start(PlainLog log) {
        if (api == null || live != null || !support.offered(VIEW)) {
            return;
        }
        liveAfter = log.base() != null ? log.base() : log.size() == 0 ? null : log.get(log.size() - 1).id();
        liveFrom = log.base() != null ? 0 : log.size();
        live = new StreamFeed(api, sessionId, liveAfter);
        if (!live.ensureOpen()) {
            unavailable(live);
        }
        requests++;
    }

    /**
     * Waits for the live stream to deliver what the log lists (while it delivers, up to {@code limit}; once it is
     * quiet for {@code quiet}, no longer), then compares.
     */
    List<Disagreement> live(PlainLog log, Duration quiet, Duration limit) {
        if (live == null || !support.offered(VIEW)) {
            return List.of();
        }
        return read(live, "stream (live since " + liveAfter + ")", log, liveFrom, quiet, limit);
    }

    /** A stream resumed after {@code middleId} (an event of the log), read until it delivered what follows. */
    List<Disagreement> resumed(PlainLog log, String middleId, Duration quiet, Duration limit) {
        if (api == null || !support.offered(VIEW)) {
            return List.of();
        }
        try (StreamFeed resumed = new StreamFeed(api, sessionId, middleId)) {
            return read(resumed, "stream resumed with Last-Event-ID " + middleId, log,
                    log.positionOf(middleId) + 1, quiet, limit);
        }
    }

    @Override
    public void close() {
        if (live != null) {
            live.close();
        }
    }

    private void unavailable(StreamFeed feed) {
        if (feed.status() == 400 || feed.status() == 404 || feed.status() == 405 || feed.status() == 406) {
            support.lacks(VIEW, Support.REJECTED);
        }
    }

    private List<Disagreement> read(StreamFeed feed, String view, PlainLog log, int from, Duration quiet,
                                    Duration limit) {
        Set<String> wanted = new LinkedHashSet<>();
        for (int at = from; at < log.size(); at++) {
            if (log.get(at).event() != null) {
                wanted.add(log.get(at).id());
            }
        }
        int before = feed.connections();
        StreamFeed.Read read = feed.collect(wanted, quiet, limit, MAX_CONNECTIONS);
        requests += feed.connections() - before;
        if (read == StreamFeed.Read.UNAVAILABLE) {
            unavailable(feed);
            return List.of();
        }
        List<Seen> delivered = feed.delivered();
        Set<String> ids = new java.util.HashSet<>();
        List<Disagreement> found = new ArrayList<>();
        for (Seen event : delivered) {
            ids.add(event.id());
            if (log.positionOf(event.id()) < 0 && EventMatcher.isJudged(event.event())) {
                found.add(new Disagreement(view, Disagreement.Kind.EXTRA, event, feed.evidence()));
            }
        }
        for (String id : wanted) {
            if (!ids.contains(id) && read == StreamFeed.Read.QUIET) { // why: a stream still delivering is behind
                found.add(new Disagreement(view, Disagreement.Kind.MISSING, log.get(log.positionOf(id)),
                        feed.evidence()));
            }
        }
        return found;
    }
}
