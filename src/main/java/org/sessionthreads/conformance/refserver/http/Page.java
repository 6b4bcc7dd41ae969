package org.sessionthreads.conformance.refserver.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a list answer: {@code {"data","first_id","last_id","has_more","next_page"}}.
 *
 * @param nextPage cursor for the following page, {@code null} on the last page
 */
public record Page<T>(List<T> data, String firstId, String lastId, boolean hasMore, String nextPage) {

    /**
     * The page of {@code items} (the whole list in order) that {@code request} asks for, keeping only items that
     * pass {@code filter}. The start position is looked up in the unfiltered list.
     *
     * @throws ApiException 400 when the request starts after an id that is not in {@code items}
     */
    public static <T> Page<T> of(
            List<T> items, Function<T, String> id, Predicate<T> filter, PageRequest request) {
        return of(items, id, filter, request, null);
    }

    /**
     * As {@link #of(List, Function, Predicate, PageRequest)}, with {@code positionOf} finding an id's position in
     * {@code items} without a scan (null: scan). Reads only as far as the page needs, so a long list costs a
     * page's worth of work, not the list's.
     */
    public static <T> Page<T> of(List<T> items, Function<T, String> id, Predicate<T> filter, PageRequest request,
                                 java.util.function.ToIntFunction<String> positionOf) {
        return of(items, id, filter, request, positionOf, null);
    }

    /** Selects up to {@code max} items from a position on that pass a filter (a list that can skip faster). */
    @FunctionalInterface
    public interface Scan<T> {
        List<T> select(int from, Predicate<T> filter, int max);
    }

    /** As above, reading the items through {@code scan} (null: stream {@code items}). */
    public static <T> Page<T> of(List<T> items, Function<T, String> id, Predicate<T> filter, PageRequest request,
                                 java.util.function.ToIntFunction<String> positionOf, Scan<T> scan) {
        int start = request.afterId() == null ? 0 : (positionOf == null ? indexOf(items, id, request)
                : known(positionOf.applyAsInt(request.afterId()), request)) + 1;
        int wanted = request.readAhead() ? request.limit() + 1 : request.limit();
        List<T> rest = scan != null ? scan.select(start, filter, wanted)
                : items.subList(start, items.size()).stream().filter(filter).limit(wanted).toList();
        List<T> data = rest.subList(0, Math.min(request.limit(), rest.size()));
        boolean hasMore = request.readAhead() ? rest.size() > data.size() : data.size() == request.limit();
        String firstId = data.isEmpty() ? null : id.apply(data.get(0));
        String lastId = data.isEmpty() ? null : id.apply(data.get(data.size() - 1));
        return new Page<>(data, firstId, lastId, hasMore, hasMore ? PageRequest.cursorAfter(lastId) : null);
    }

    /** The wire form, each item rendered by {@code render}. */
    public Map<String, Object> toWire(Function<T, Map<String, Object>> render) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", data.stream().map(render).toList());
        json.put("first_id", firstId);
        json.put("last_id", lastId);
        json.put("has_more", hasMore);
        json.put("next_page", nextPage);
        return json;
    }

    private static int known(int position, PageRequest request) {
        if (position < 0) {
            throw ApiException.badRequest(request.cursor() ? "page is not a valid page cursor for this list."
                    : "after_id '" + request.afterId() + "' is not an item of this list.");
        }
        return position;
    }

    private static <T> int indexOf(List<T> items, Function<T, String> id, PageRequest request) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(request.afterId())) {
                return i;
            }
        }
        throw ApiException.badRequest(request.cursor() ? "page is not a valid page cursor for this list."
                : "after_id '" + request.afterId() + "' is not an item of this list.");
    }
}
