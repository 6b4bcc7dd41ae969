package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sessionthreads.conformance.refserver.model.SessionEvent;

/**
 * Which events a list or stream request wants. The scope (one thread, or the whole session) defines the list that
 * {@code after_id} and {@code Last-Event-ID} must belong to; the optional type filter, in any of its spellings
 * ({@code types[]=a&types[]=b}, {@code types=a,b}, {@code type=a}), only narrows what is returned. Unknown type
 * names simply match nothing.
 */
public final class EventFilter {
    private EventFilter() {
    }

    /** Events of {@code threadId}, or of the whole session for {@code null}. */
    public static Predicate<SessionEvent> scope(String threadId) {
        return event -> threadId == null || threadId.equals(event.sessionThreadId());
    }

    /** The request's type filter; matches everything when the request names no types. */
    public static Predicate<SessionEvent> types(Context ctx) {
        Set<String> types = new LinkedHashSet<>();
        Stream.of("types[]", "types", "type")
                .map(ctx::queryParams)
                .flatMap(List::stream)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .forEach(types::add);
        return event -> types.isEmpty() || types.contains(event.type().wireName());
    }

    /** True when the request names a type filter (in any spelling, with a value). */
    public static boolean namesTypes(Context ctx) {
        return Stream.of("types[]", "types", "type").map(ctx::queryParams).flatMap(List::stream)
                .anyMatch(value -> !value.isBlank());
    }

    /** True when the request names an {@code order} or a type filter (in any spelling). */
    public static boolean asksOrderOrTypes(Context ctx) {
        return ctx.queryParam("order") != null
                || Stream.of("types[]", "types", "type").anyMatch(name -> !ctx.queryParams(name).isEmpty());
    }
}
