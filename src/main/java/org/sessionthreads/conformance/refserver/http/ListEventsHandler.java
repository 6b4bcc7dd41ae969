package org.sessionthreads.conformance.refserver.http;

import java.util.Map;
import java.util.Set;
import org.sessionthreads.conformance.refserver.ServerDialect;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code GET /v1/sessions/{session_id}/events} and {@code GET /v1/sessions/{session_id}/threads/{thread_id}/events}:
 * the session's log (or the events whose {@code session_thread_id} is the thread), oldest first, paged.
 * {@link Fault#EVENT_LIST_GARBAGE} lives here, and the Forward thread-event list's restricted parameters.
 */
public final class ListEventsHandler implements Handler {
    private final ThreadLookup lookup;
    private final Json json;
    private final int pageCap;
    private final ServerOptions options;

    /** @param pageCap the most items one page holds, whatever {@code limit} asks */
    public ListEventsHandler(ThreadLookup lookup, Json json, int pageCap, ServerOptions options) {
        this.lookup = lookup;
        this.json = json;
        this.pageCap = pageCap;
        this.options = options;
    }

    /**
     * The Forward thread-event list takes limit, after_id and before_id only, ascending fixed; the other
     * selectors are 400 {@code invalid_request} (api-digest §4c).
     */
    private static void forwardThreadParameters(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (FORWARD_REFUSED.contains(name) || name.startsWith("include_")) {
                throw new ApiException(400, "invalid_request", "Parameter '" + name + "' is not supported on "
                        + "thread events.", Map.of(), "invalid_request");
            }
        }
    }

    /** The Forward thread-event list's refused selectors besides {@code include_*}. */
    private static final Set<String> FORWARD_REFUSED = Set.of("order", "type", "types", "types[]", "event_deltas[]");

    @Override
    public void handle(Context ctx) {
        String threadId = ctx.pathParamMap().get("thread_id");
        if (threadId != null && options.dialect() == ServerDialect.FORWARD) {
            forwardThreadParameters(ctx);
        }
        Session session = threadId == null ? lookup.session(ctx.pathParam("session_id"))
                : lookup.thread(ctx.pathParam("session_id"), threadId).session();
        PageRequest request = PageRequest.from(ctx).cappedAt(pageCap);
        List<SessionEvent> scoped = session.events().snapshot().stream().filter(EventFilter.scope(threadId)).toList();
        Page<SessionEvent> page = Page.of(scoped, SessionEvent::id, EventFilter.types(ctx), request);
        json.respond(ctx, 200, page.toWire(WireFormat::event));
        if (options.has(Fault.EVENT_LIST_GARBAGE)) {
            String whole = ctx.result();
            ctx.result(whole.substring(0, whole.length() / 2)); // a body cut off halfway, as a broken proxy sends
        }
    }
}
