package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;

/**
 * The {@code Idempotency-Key} contract of the Forward API (api-digest §1c, §3c) around one handler (archive): a
 * request without the header is handled as usual; the first successful (2xx) answer to a key is kept, and a later
 * request with the same key and the same request (method, path, body) gets that answer replayed, status and body
 * byte for byte, without running the handler again (no second transition, no second event). The same key with a
 * different request is 409 {@code conflict_error}. Requests with one key are handled one at a time, so a retry
 * that races the original waits for it and replays it. Error answers are not kept (a retry runs again), and keys
 * are kept for the server's lifetime (the docs say 24 h); the scope is the server's one token.
 *
 * <p>{@link Fault#IDEMPOTENCY_KEY_IGNORED}, {@link Fault#IDEMPOTENT_REPLAY_REFUSED} and
 * {@link Fault#FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT} live here.
 */
public final class IdempotencyKeys implements Handler {
    static final String HEADER = "Idempotency-Key";
    static final String CONFLICT = "conflict_error";

    private final Handler handler;
    private final ServerOptions options;
    private final Map<String, Entry> keys = new ConcurrentHashMap<>();

    public IdempotencyKeys(Handler handler, ServerOptions options) {
        this.handler = handler;
        this.options = options;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank() || options.has(Fault.IDEMPOTENCY_KEY_IGNORED)) {
            handler.handle(ctx);
            return;
        }
        String request = ctx.method() + " " + ctx.path() + "\n" + ctx.body();
        Entry entry = keys.computeIfAbsent(key.strip(), k -> new Entry());
        synchronized (entry) {
            if (entry.request == null) {
                handler.handle(ctx);
                if (ctx.statusCode() / 100 == 2) {
                    entry.keep(request, ctx);
                }
            } else if (entry.request.equals(request) && !options.has(Fault.IDEMPOTENT_REPLAY_REFUSED)) {
                entry.replay(ctx);
                if (options.acts(Fault.FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT)) {
                    ctx.result(restamped(ctx.result()));
                }
            } else {
                throw new ApiException(409, CONFLICT, "Idempotency key reused with a different request.",
                        Map.of());
            }
        }
    }

    /**
     * {@link Fault#FORWARD_REPLAY_RESTAMPS_ARCHIVED_AT}: the replayed thread with {@code archived_at} and
     * {@code updated_at} set to the retry's arrival.
     */
    private static String restamped(String body) {
        String now = "\"" + java.time.Instant.now() + "\"";
        return RESTAMPED.matcher(body).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                "\"" + match.group(1) + "\":" + now));
    }

    private static final java.util.regex.Pattern RESTAMPED =
            java.util.regex.Pattern.compile("\"(archived_at|updated_at)\":\"[^\"]*\"");

    /** The kept answer of one key; guarded by its own monitor. */
    private static final class Entry {
        private String request;
        private int status;
        private String contentType;
        private String body;

        void keep(String keptRequest, Context ctx) {
            request = keptRequest;
            status = ctx.statusCode();
            contentType = ctx.res().getContentType();
            body = ctx.result();
        }

        void replay(Context ctx) {
            ctx.status(status);
            if (contentType != null) {
                ctx.contentType(contentType);
            }
            ctx.result(body == null ? "" : body);
        }
    }
}
