package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The paging parameters of a list request: {@code limit} (1–100, default 20) and where to start, given either as
 * {@code after_id} (exclusive) or as {@code page}, the opaque cursor a previous answer returned in
 * {@code next_page}. A cursor names the last item of the previous page, so it stays valid while items are
 * appended.
 *
 * @param afterId the id after which the page starts, or {@code null} to start at the beginning
 * @param cursor  true when {@code afterId} came from a {@code page} cursor (changes the error message only)
 * @param newestFirst {@code order=desc}: the list read from its newest item; {@code after_id} and {@code page}
 *                    then continue towards older items
 * @param readAhead   true: the page looks one item further to know whether more follow; false: a full page says
 *                    {@code has_more} without looking, so the page after it may be empty
 */
public record PageRequest(int limit, String afterId, boolean cursor, boolean newestFirst, boolean readAhead) {
    static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");
    private static final String CURSOR_PREFIX = "after:";

    /** @throws ApiException 400 for a bad limit, a garbage cursor, or {@code page} together with {@code after_id} */
    public static PageRequest from(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        String afterId = ctx.queryParam("after_id");
        String page = ctx.queryParam("page");
        if (page != null && afterId != null) {
            throw ApiException.badRequest("page cannot be combined with after_id.");
        }
        boolean desc = newestFirst(ctx.queryParam("order"));
        if (page != null) {
            return new PageRequest(limit, decode(page), true, desc, true);
        }
        return new PageRequest(limit, afterId == null || afterId.isBlank() ? null : afterId.trim(), false, desc, true);
    }

    /** This request read oldest first, whatever its {@code order} said (a target that ignores the parameter). */
    public PageRequest oldestFirst() {
        return new PageRequest(limit, afterId, cursor, false, readAhead);
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.isBlank() || order.trim().equals("asc")) {
            return false;
        }
        if (order.trim().equals("desc")) {
            return true;
        }
        throw ApiException.badRequest("order must be 'asc' or 'desc'.");
    }

    /** This request with {@code limit} lowered to {@code max} if it asks for more. */
    public PageRequest cappedAt(int max) {
        return limit <= max ? this : new PageRequest(max, afterId, cursor, newestFirst, readAhead);
    }

    /** This request without reading ahead: a full page claims {@code has_more} whether or not anything follows. */
    public PageRequest withoutReadAhead() {
        return new PageRequest(limit, afterId, cursor, newestFirst, false);
    }

    /** The {@code next_page} cursor for a page that ended with {@code lastId}. */
    public static String cursorAfter(String lastId) {
        byte[] raw = (CURSOR_PREFIX + lastId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be an integer between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    private static String decode(String page) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(page.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX) && text.length() > CURSOR_PREFIX.length()) {
                return text.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the 400 below
        }
        throw ApiException.badRequest("page is not a valid page cursor.");
    }
}
