package org.sessionthreads.conformance.refserver.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.Variation;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;
import org.sessionthreads.conformance.refserver.model.EventType;
import org.sessionthreads.conformance.refserver.model.SessionEvent;
import org.sessionthreads.conformance.refserver.store.EventLog;
import org.sessionthreads.conformance.refserver.store.Session;

/**
 * {@code GET /v1/sessions/{session_id}/events} and {@code GET /v1/sessions/{session_id}/threads/{thread_id}/events}:
 * the session's log (or the events whose {@code session_thread_id} is the thread), oldest first or, with
 * {@code order=desc}, newest first; paged; optionally narrowed to some {@code types}.
 * {@link Fault#EVENT_LIST_GARBAGE}, {@link Fault#TYPES_FILTER_MISSES_TERMINATED},
 * {@link Fault#DESC_LIST_DUPLICATES_TERMINATED}, {@link Variation#LIST_FILTERS_IGNORED},
 * {@link Variation#LIST_FILTERS_REJECTED} and {@link Variation#AFTER_ID_WITHIN_TYPES}
 * live here, and the Forward thread-event list's restricted parameters.
 */
public final class ListEventsHandler implements Handler {
    private final ThreadLookup lookup;
    private final Json json;
    private final PageRules pages;
    private final ServerOptions options;

    ListEventsHandler(ThreadLookup lookup, Json json, PageRules pages, ServerOptions options) {
        this.lookup = lookup;
        this.json = json;
        this.pages = pages;
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
        if (threadId != null && options.dialect().forwardRules()) {
            forwardThreadParameters(ctx);
        }
        Session session = threadId == null ? lookup.session(ctx.pathParam("session_id"))
                : lookup.thread(ctx.pathParam("session_id"), threadId).session();
        if (options.varies(Variation.LIST_FILTERS_REJECTED) && EventFilter.asksOrderOrTypes(ctx)) {
            throw ApiException.badRequest("Unsupported query parameter: order and types are not accepted here.");
        }
        boolean ignoreFilters = options.varies(Variation.LIST_FILTERS_IGNORED);
        PageRequest asked = pages.request(ctx);
        PageRequest request = ignoreFilters ? asked.oldestFirst() : asked;
        Predicate<SessionEvent> types = ignoreFilters ? event -> true : indexedTypes(ctx, EventFilter.types(ctx));
        EventLog.View log = session.events().snapshot();
        Page<SessionEvent> page;
        if (afterAnEventTheFilterRemoves(ctx, request, log, types)) {
            page = new Page<>(List.of(), null, null, false, null); // the end of the filtered list
        } else if (request.newestFirst() && options.has(Fault.DESC_LIST_DUPLICATES_TERMINATED)) {
            page = Page.of(mergedWithTail(log, threadId), SessionEvent::id, types, request);
        } else if (threadId == null) {
            // why: the session list is the log itself; ids are looked up, not scanned, whatever its length
            List<SessionEvent> ordered = request.newestFirst() ? new Reversed<>(log) : log;
            ToIntFunction<String> position = request.newestFirst()
                    ? id -> { int at = log.positionOf(id); return at < 0 ? -1 : log.size() - 1 - at; }
                    : log::positionOf;
            page = Page.of(ordered, SessionEvent::id, types, request, position,
                    request.newestFirst() ? null : log::select);
        } else {
            List<SessionEvent> scoped = log.stream().filter(EventFilter.scope(threadId)).toList();
            page = Page.of(request.newestFirst() ? new Reversed<>(scoped) : scoped, SessionEvent::id, types, request);
        }
        json.respond(ctx, 200, page.toWire(WireFormat::event));
        if (options.has(Fault.EVENT_LIST_GARBAGE)) {
            String whole = ctx.result();
            ctx.result(whole.substring(0, whole.length() / 2)); // a body cut off halfway, as a broken proxy sends
        }
    }

    /**
     * {@link Variation#AFTER_ID_WITHIN_TYPES}: the request names types and its {@code after_id} is an event of the
     * session that they remove, so within the filtered list it is nowhere: the list reads as ended. An id that is
     * no event at all stays a 400 ({@code Page}).
     */
    private boolean afterAnEventTheFilterRemoves(Context ctx, PageRequest request, EventLog.View log,
                                                 Predicate<SessionEvent> types) {
        if (!options.varies(Variation.AFTER_ID_WITHIN_TYPES) || request.afterId() == null
                || !EventFilter.namesTypes(ctx)) {
            return false;
        }
        int at = log.positionOf(request.afterId());
        return at >= 0 && !types.test(log.get(at));
    }

    /**
     * The type predicate as the list applies it. {@link Fault#TYPES_FILTER_MISSES_TERMINATED}: a request that
     * names types is matched against the index column, where the terminated event is filed under its legacy name.
     */
    private Predicate<SessionEvent> indexedTypes(Context ctx, Predicate<SessionEvent> types) {
        if (!options.has(Fault.TYPES_FILTER_MISSES_TERMINATED)) {
            return types;
        }
        boolean namesTypes = Stream.of("types[]", "types", "type").map(ctx::queryParams).flatMap(List::stream)
                .anyMatch(value -> !value.isBlank());
        return event -> event.type() == EventType.THREAD_STATUS_TERMINATED ? !namesTypes && types.test(event)
                : types.test(event);
    }

    /**
     * {@link Fault#DESC_LIST_DUPLICATES_TERMINATED}: the newest-first list as the merge of the recent status
     * tail and the log builds it, every terminated event in scope twice.
     */
    private static List<SessionEvent> mergedWithTail(EventLog.View log, String threadId) {
        List<SessionEvent> merged = new java.util.ArrayList<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            SessionEvent event = log.get(i);
            if (EventFilter.scope(threadId).test(event)) {
                merged.add(event);
                if (event.type() == EventType.THREAD_STATUS_TERMINATED) {
                    merged.add(event);
                }
            }
        }
        return merged;
    }

    /** A list read backwards, without copying it. */
    private static final class Reversed<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
        private final List<T> list;

        Reversed(List<T> list) {
            this.list = list;
        }

        @Override
        public T get(int index) {
            return list.get(list.size() - 1 - index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
