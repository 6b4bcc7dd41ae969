package org.sessionthreads.conformance.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One request for a page of an event list, with every documented selector (api-digest §4c): the session's list or
 * one thread's ({@code threadId}), {@code after_id}, {@code limit}, {@code order=desc} and a type filter in one of
 * its documented spellings. {@link EventsApi#page} sends it.
 *
 * @param threadId    the thread whose list is read ({@code /threads/{id}/events}); null for the session's
 * @param afterId     {@code after_id}; null for the list's start
 * @param limit       the page size asked for
 * @param newestFirst sends {@code order=desc}
 * @param types       the type filter (empty: none)
 * @param spelling    how the filter is written
 */
public record EventQuery(String sessionId, String threadId, String afterId, int limit, boolean newestFirst,
                         List<String> types, TypesSpelling spelling) {
    public EventQuery {
        types = types.stream().sorted().toList();
    }

    /** The session's list, oldest first, every type, pages of {@link EventsApi#PAGE_SIZE}. */
    public static EventQuery session(String sessionId) {
        return new EventQuery(sessionId, null, null, EventsApi.PAGE_SIZE, false, List.of(), TypesSpelling.TYPES);
    }

    public EventQuery after(String id) {
        return new EventQuery(sessionId, threadId, id, limit, newestFirst, types, spelling);
    }

    public EventQuery limit(int size) {
        return new EventQuery(sessionId, threadId, afterId, size, newestFirst, types, spelling);
    }

    public EventQuery descending() {
        return new EventQuery(sessionId, threadId, afterId, limit, true, types, spelling);
    }

    public EventQuery thread(String id) {
        return new EventQuery(sessionId, id, afterId, limit, newestFirst, types, spelling);
    }

    public EventQuery types(List<String> names, TypesSpelling how) {
        return new EventQuery(sessionId, threadId, afterId, limit, newestFirst, names, how);
    }

    /** The query string, e.g. {@code limit=2&after_id=evt_1&types%5B%5D=a&types%5B%5D=b}. */
    String query() {
        return Paths.param("limit", String.valueOf(limit))
                + (newestFirst ? "&" + Paths.param("order", "desc") : "")
                + (afterId == null ? "" : "&" + Paths.param("after_id", afterId))
                + (types.isEmpty() ? "" : "&" + spelling.render(types));
    }

    /** The documented spellings of the type filter (api-digest §4c). */
    public enum TypesSpelling {
        /** {@code types=a&types=b}: the new CAS session list. */
        TYPES("types"),
        /** {@code types[]=a&types[]=b}: old CAS thread lists, Forward session list. */
        TYPES_BRACKETS("types[]"),
        /** {@code type=a,b}: a comma list, old CAS thread lists, Forward session list. */
        TYPE_COMMA("type");

        private final String parameter;

        TypesSpelling(String parameter) {
            this.parameter = parameter;
        }

        /** The parameter's name as sent. */
        public String parameter() {
            return parameter;
        }

        String render(List<String> types) {
            return this == TYPE_COMMA ? Paths.param(parameter, String.join(",", types))
                    : types.stream().map(type -> Paths.param(parameter, type)).collect(Collectors.joining("&"));
        }
    }
}
