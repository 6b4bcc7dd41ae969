package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.ServerOptions;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/**
 * Runs before routing and before any lookup, for every path: only {@code Authorization: Bearer <token>} with the
 * configured token gets through; anything else (no header, another scheme, a wrong token, {@code x-api-key}) is
 * 401 {@code authentication_error} with {@code WWW-Authenticate: Bearer}. So a bad token never learns whether an id
 * or a route exists, and a rejected request changes nothing. The scheme is case-insensitive; the token is compared
 * through SHA-256 digests with {@link MessageDigest#isEqual}, in constant time.
 *
 * <p>The authentication faults live here: {@link Fault#NOT_FOUND_BEFORE_AUTH}, {@link Fault#LENIENT_AUTH},
 * {@link Fault#TOKEN_PREFIX_MATCH}, {@link Fault#TOKEN_INNER_WHITESPACE_REMOVED}, {@link Fault#TOKEN_LAST_CHARACTER_IGNORED},
 * {@link Fault#ACCEPTS_X_API_KEY}, {@link Fault#TOKEN_CASE_INSENSITIVE}, {@link Fault#REJECTED_REQUEST_MUTATES},
 * {@link Fault#SPEC_TOKEN_PREFIX_MATCH}, {@link Fault#BLIND_AUTH_CACHED_PER_CONNECTION}.
 */
public final class BearerAuthentication implements Handler {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer ([^\\s]+)");
    private static final Pattern BEARER_ANYTHING = Pattern.compile("(?i)bearer\\s+(.+)");

    private final byte[] expectedDigest;
    private final byte[] expectedLowerCaseDigest;
    private final ServerOptions options;
    private final ThreadLookup lookup;
    private final ArchiveThread archive;
    /** Connections that once carried the right token; only {@link Fault#BLIND_AUTH_CACHED_PER_CONNECTION} fills it. */
    private final java.util.Set<String> authenticatedConnections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public BearerAuthentication(ServerOptions options, ThreadLookup lookup, ArchiveThread archive) {
        this.expectedDigest = digest(options.token());
        this.expectedLowerCaseDigest = digest(options.token().toLowerCase(Locale.ROOT));
        this.options = options;
        this.lookup = lookup;
        this.archive = archive;
    }

    @Override
    public void handle(Context ctx) {
        if (options.has(Fault.NOT_FOUND_BEFORE_AUTH)) {
            ResourcePath.parse(ctx.path()).ifPresent(this::resolve);
        }
        if (options.has(Fault.BLIND_AUTH_CACHED_PER_CONNECTION) && authenticatedConnections.contains(connection(ctx))) {
            return;
        }
        if (accepts(ctx.header("Authorization")) || acceptsApiKey(ctx.header("x-api-key"))) {
            if (options.has(Fault.BLIND_AUTH_CACHED_PER_CONNECTION)) {
                authenticatedConnections.add(connection(ctx));
            }
            return;
        }
        if (options.has(Fault.REJECTED_REQUEST_MUTATES) && HandlerType.POST.equals(ctx.method())) {
            ResourcePath.parse(ctx.path()).filter(ResourcePath::archive).ifPresent(this::archiveAnyway);
        }
        throw ApiException.unauthorized();
    }

    /** The client end of the request's TCP connection, the key of {@link Fault#BLIND_AUTH_CACHED_PER_CONNECTION}. */
    private static String connection(Context ctx) {
        return ctx.req().getRemoteAddr() + ":" + ctx.req().getRemotePort();
    }

    private boolean accepts(String header) {
        if (options.has(Fault.TOKEN_INNER_WHITESPACE_REMOVED)) {
            Matcher loose = BEARER_ANYTHING.matcher(header == null ? "" : header.trim());
            if (loose.matches() && isToken(loose.group(1).replaceAll("\\s", ""))) {
                return true;
            }
        }
        Matcher matcher = BEARER.matcher(header == null ? "" : header.trim());
        if (!matcher.matches()) {
            return false;
        }
        return options.has(Fault.LENIENT_AUTH) || isToken(matcher.group(1));
    }

    private boolean acceptsApiKey(String header) {
        return options.has(Fault.ACCEPTS_X_API_KEY) && header != null && isToken(header.trim());
    }

    private boolean isToken(String candidate) {
        if (options.has(Fault.SPEC_TOKEN_PREFIX_MATCH)) {
            return overShorterLength(options.token(), candidate);
        }
        String token = options.token();
        if (options.has(Fault.TOKEN_PREFIX_MATCH) && !candidate.isEmpty()
                && (token.startsWith(candidate) || candidate.startsWith(token))) {
            return true;
        }
        if (options.has(Fault.TOKEN_LAST_CHARACTER_IGNORED) && candidate.length() == token.length()
                && candidate.regionMatches(0, token, 0, token.length() - 1)) {
            return true;
        }
        if (options.has(Fault.TOKEN_CASE_INSENSITIVE)) {
            return MessageDigest.isEqual(expectedLowerCaseDigest, digest(candidate.toLowerCase(Locale.ROOT)));
        }
        return MessageDigest.isEqual(expectedDigest, digest(candidate));
    }

    /** The hand-rolled "constant-time" compare of {@link Fault#SPEC_TOKEN_PREFIX_MATCH}: it stops at the shorter. */
    private static boolean overShorterLength(String expected, String candidate) {
        int difference = 0;
        for (int i = 0; i < Math.min(expected.length(), candidate.length()); i++) {
            difference |= expected.charAt(i) ^ candidate.charAt(i);
        }
        return difference == 0;
    }

    private void resolve(ResourcePath path) {
        if (path.threadId() == null) {
            lookup.session(path.sessionId());
        } else {
            lookup.thread(path.sessionId(), path.threadId());
        }
    }

    private void archiveAnyway(ResourcePath path) {
        try {
            archive.archive(path.sessionId(), path.threadId());
        } catch (RuntimeException ignored) {
            // the fault only mutates when it can; the answer stays 401 either way
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
