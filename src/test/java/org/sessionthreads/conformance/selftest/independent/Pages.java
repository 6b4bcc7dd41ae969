package org.sessionthreads.conformance.selftest.independent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * List pages {data, first_id, last_id, has_more, next_page} over an ordered list: limit 1-100 (default 20),
 * after_id / before_id (exclusive), order asc|desc, page (opaque, exclusive with the ids).
 */
final class Pages {
    private final Behaviour behaviour;
    private final Wire wire;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final AtomicLong cursorCount = new AtomicLong();

    Pages(Behaviour behaviour, Wire wire) {
        this.behaviour = behaviour;
        this.wire = wire;
    }

    /** The type filter the request asks for (empty: every type). */
    Set<String> types(Map<String, List<String>> query) {
        Set<String> types = new LinkedHashSet<>();
        if (!behaviour.is(Behaviour.OLD_STYLE_FILTERS)) {
            query.getOrDefault("types", List.of()).forEach(types::add);
        }
        query.getOrDefault("types[]", List.of()).forEach(types::add);
        for (String list : query.getOrDefault("type", List.of())) {
            for (String t : list.split(",")) {
                if (!t.isBlank()) {
                    types.add(t.trim());
                }
            }
        }
        return types;
    }

    /**
     * One page of {@code all} (oldest first); {@code index} finds an id's position in {@code all} before any
     * filter; {@code keep} says which items the filter keeps.
     */
    SessionStore.Answer page(List<ObjectNode> all, Map<String, Integer> index, Set<String> types,
            Map<String, List<String>> query) {
        String limitText = first(query, "limit");
        int limit = 20;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                return bad("limit must be an integer from 1 to 100", "limit");
            }
            if (limit < 1 || limit > 100) {
                return bad("limit must be an integer from 1 to 100", "limit");
            }
        }
        if (behaviour.is(Behaviour.SMALL_PAGES_OPAQUE_CURSORS)) {
            limit = Math.min(limit, 3);
        }
        String order = first(query, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            return bad("order must be asc or desc", "order");
        }
        String after = first(query, "after_id");
        String before = first(query, "before_id");
        String page = first(query, "page");
        if (page != null) {
            if (after != null || before != null) {
                return bad("page cannot be combined with after_id or before_id", "page");
            }
            String decoded = decode(page);
            if (decoded == null) {
                return bad("page is not a cursor this server issued", "page");
            }
            order = decoded.startsWith("d") ? "desc" : "asc";
            if (decoded.charAt(1) == 'a') {
                after = decoded.substring(2);
            } else {
                before = decoded.substring(2);
            }
        }
        int from = 0;
        int to = all.size();
        if (after != null) {
            Integer i = index.get(after);
            if (i == null) {
                return bad("after_id names no item of this list", "after_id");
            }
            from = i + 1;
        }
        if (before != null) {
            Integer i = index.get(before);
            if (i == null) {
                return bad("before_id names no item of this list", "before_id");
            }
            to = Math.min(to, i);
        }
        List<ObjectNode> window = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ObjectNode item = all.get(i);
            if (types.isEmpty() || types.contains(item.get("type").asString())) {
                window.add(item);
            }
        }
        boolean desc = "desc".equals(order);
        List<ObjectNode> data = new ArrayList<>();
        if (desc) {
            for (int i = window.size() - 1; i >= 0 && data.size() < limit; i--) {
                data.add(window.get(i));
            }
        } else {
            data.addAll(window.subList(0, Math.min(limit, window.size())));
        }
        boolean hasMore = window.size() > data.size();
        ObjectNode body = wire.object();
        ArrayNode array = body.putArray("data");
        data.forEach(array::add);
        String firstId = data.isEmpty() ? null : data.get(0).get("id").asString();
        String lastId = data.isEmpty() ? null : data.get(data.size() - 1).get("id").asString();
        body.put("first_id", firstId).put("last_id", lastId).put("has_more", hasMore);
        body.put("next_page", hasMore ? encode((desc ? "db" : "aa") + lastId) : null);
        if (wire.extraFields()) {
            body.put("object", "list").put("total_hint", all.size());
        }
        return new SessionStore.Answer(200, body);
    }

    private String encode(String cursor) {
        if (behaviour.is(Behaviour.SMALL_PAGES_OPAQUE_CURSORS)) {
            String key = "cur_" + cursorCount.incrementAndGet();
            cursors.put(key, cursor);
            return key;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private String decode(String page) {
        if (behaviour.is(Behaviour.SMALL_PAGES_OPAQUE_CURSORS)) {
            return cursors.get(page);
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(page), StandardCharsets.UTF_8);
            return s.length() > 2 && (s.startsWith("aa") || s.startsWith("db")) ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private SessionStore.Answer bad(String message, String param) {
        ObjectNode body = wire.error("invalid_request_error", message, "invalid_pagination");
        return new SessionStore.Answer(400, body);
    }

    static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
