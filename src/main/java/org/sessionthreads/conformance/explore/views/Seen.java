package org.sessionthreads.conformance.explore.views;

import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.events.EventMatcher;

/**
 * One event as the views are compared on it: id, type, thread and stop reason; the whole event is kept only for
 * the types the rules look into (a huge history keeps its memory flat).
 */
record Seen(String id, String type, String thread, String stopReason, Event event) {

    static Seen of(Event event) {
        return new Seen(event.id(), event.type(), event.sessionThreadId(), event.stopReasonType(),
                EventMatcher.isJudged(event) ? event : null);
    }

    boolean is(String eventType, String threadId) {
        return eventType.equals(type) && threadId != null && threadId.equals(thread);
    }

    /** {@code session.thread_status_terminated evt_… (thread sthr_…, stop_reason archive)} for evidence. */
    String brief() {
        return type + " " + id + " (thread " + thread + (stopReason == null ? "" : ", stop_reason " + stopReason)
                + ")";
    }
}
