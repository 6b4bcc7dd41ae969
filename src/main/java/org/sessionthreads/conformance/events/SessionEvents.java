package org.sessionthreads.conformance.events;

import org.sessionthreads.conformance.client.EventsApi;

/**
 * Opens {@link EventCursor}s on a session's event list. Open the cursor BEFORE acting, so that everything the
 * action causes is after the cursor's mark.
 */
public final class SessionEvents {
    private final EventsApi api;
    private final Waits waits;

    public SessionEvents(EventsApi api, Waits waits) {
        this.api = api;
        this.waits = waits;
    }

    /** A cursor that sees only events appended to the session after this call. */
    public EventCursor openFor(String sessionId) {
        EventCursor cursor = new EventCursor(api, waits, sessionId);
        cursor.markEnd();
        return cursor;
    }
}
