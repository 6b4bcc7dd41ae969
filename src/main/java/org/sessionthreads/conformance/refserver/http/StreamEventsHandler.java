package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.store.EventSubscription;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code GET /v1/sessions/{session_id}/events/stream} and
 * {@code GET /v1/sessions/{session_id}/threads/{thread_id}/stream}.
 *
 * <p>Everything that can fail (404, unknown {@code Last-Event-ID} → 400) is decided before the response is
 * committed, so errors still get the JSON envelope. Then the request's own thread writes the replay (events after
 * {@code Last-Event-ID}) followed by live events as they are appended, with a heartbeat comment whenever nothing
 * happened for a heartbeat interval. The stream ends when the client goes away, the session is deleted or the
 * server stops. {@link Fault#EVENT_STREAM_GARBAGE}, {@link Fault#STREAM_DROPS_LIVE_TERMINATED},
 * {@link Variation#ONE_EVENT_PER_STREAM} (the stream ends after its first event frame) and the stream's part of
 * {@link Variation#AFTER_ID_WITHIN_TYPES} live here.
 * Each stream occupies one Jetty worker thread, which leaves plenty for other requests.
 */
public final class StreamEventsHandler implements Handler {
    private final ThreadLookup lookup;
    private final Duration heartbeat;
    private final Json json;
    private final ServerOptions options;

    public StreamEventsHandler(ThreadLookup lookup, Duration heartbeat, Json json, ServerOptions options) {
        this.lookup = lookup;
        this.heartbeat = heartbeat;
        this.json = json;
        this.options = options;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String threadId = ctx.pathParamMap().get("thread_id");
        Session session = threadId == null ? lookup.session(ctx.pathParam("session_id"))
                : lookup.thread(ctx.pathParam("session_id"), threadId).session();
        Predicate<SessionEvent> scope = EventFilter.scope(threadId);
        if (options.varies(Variation.LIST_FILTERS_REJECTED) && EventFilter.asksOrderOrTypes(ctx)) {
            throw ApiException.badRequest("Unsupported query parameter: types is not accepted here.");
        }
        Predicate<SessionEvent> types = options.varies(Variation.LIST_FILTERS_IGNORED) ? event -> true
                : EventFilter.types(ctx);
        try (EventSubscription subscription =
                     session.events().subscribe(scope, types, lastEventId(ctx, session, types))) {
            SseStream stream = SseStream.open(ctx.res(), json, options);
            if (options.has(Fault.EVENT_STREAM_GARBAGE)) {
                stream.garbage(); // then the stream ends: the handler returns
                return;
            }
            boolean oneEvent = options.varies(Variation.ONE_EVENT_PER_STREAM);
            for (SessionEvent event : subscription.replay()) {
                stream.event(event);
                if (oneEvent) {
                    return; // the stream ends; the client reconnects with this event's id as Last-Event-ID
                }
            }
            pump(subscription, stream, oneEvent);
        } catch (IOException | InterruptedException clientGoneOrStopping) {
            if (clientGoneOrStopping instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Live events until the log ends, or until the first one when {@code oneEvent}. */
    private void pump(EventSubscription subscription, SseStream stream, boolean oneEvent)
            throws IOException, InterruptedException {
        while (!subscription.ended()) {
            SessionEvent event = subscription.poll(heartbeat);
            if (event != null) {
                if (options.has(Fault.STREAM_DROPS_LIVE_TERMINATED)
                        && event.type() == EventType.THREAD_STATUS_TERMINATED) {
                    continue; // the subject thread's channel was closed by the archive: nobody forwards it
                }
                stream.event(event);
                if (oneEvent) {
                    return;
                }
            } else if (!subscription.ended()) {
                stream.heartbeat();
            }
        }
    }

    /**
     * The request's {@code Last-Event-ID}. {@link Variation#AFTER_ID_WITHIN_TYPES}: one that names an event of the
     * session the request's types remove is, within the filtered stream, its end: nothing is replayed (null).
     */
    private String lastEventId(Context ctx, Session session, Predicate<SessionEvent> types) {
        String value = ctx.header("Last-Event-ID");
        String id = value == null || value.isBlank() ? null : value.trim();
        if (id != null && options.varies(Variation.AFTER_ID_WITHIN_TYPES) && EventFilter.namesTypes(ctx)) {
            var log = session.events().snapshot();
            int at = log.positionOf(id);
            if (at >= 0 && !types.test(log.get(at))) {
                return null;
            }
        }
        return id;
    }
}
