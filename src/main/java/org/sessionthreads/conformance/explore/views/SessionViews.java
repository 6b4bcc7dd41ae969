package org.sessionthreads.conformance.explore.views;

import org.sessionthreads.conformance.client.EventStreamApi;
import org.sessionthreads.conformance.client.EventsApi;

/**
 * Everything the oracle keeps about one fixture's session between calls: the plain log, the other list views and
 * the streams, each read on from where it ended, and what the views were last compared on.
 */
final class SessionViews implements AutoCloseable {
    final PlainLog log;
    final ListViews lists;
    final StreamViews streams;
    /** The log's size and the number of archive requests when the views were last read. */
    int viewedSize;
    int viewedAttempts = -1;
    private int plainRequests;

    SessionViews(EventsApi api, EventStreamApi streamApi, ViewSupport support, String sessionId, String base) {
        this.log = new PlainLog(sessionId, base, System.nanoTime());
        this.lists = new ListViews(api, support, sessionId);
        this.streams = new StreamViews(streamApi, support, sessionId);
    }

    void refresh(EventsApi api) {
        plainRequests += log.refresh(api);
    }

    /** Requests (list pages and stream connections) sent for this session so far. */
    int requests() {
        return plainRequests + lists.requests() + streams.requests();
    }

    @Override
    public void close() {
        streams.close();
    }
}
