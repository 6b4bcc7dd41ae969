package org.sessionthreads.conformance.refserver.faults;

import io.javalin.http.HandlerType;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionthreads.conformance.refserver.Fault;
import org.sessionthreads.conformance.refserver.http.BearerToken;
import org.sessionthreads.conformance.refserver.http.Credentials;
import org.sessionthreads.conformance.refserver.lifecycle.ArchiveThread;
import org.sessionthreads.conformance.refserver.lifecycle.ThreadLookup;

/**
 * The faults of authentication. Most accept more than the configured bearer token (the conformant check still
 * accepts it); the others act around the check: before it, on the same connection, or after a rejection.
 */
final class CredentialFaults {
    private static final Pattern BEARER_ANYTHING = Pattern.compile("(?i)bearer\\s+(.+)");

    private CredentialFaults() {
    }

    static Credentials substitute(Fault fault, Credentials credentials, String token, ThreadLookup lookup,
                                  ArchiveThread archive) {
        BearerToken exact = new BearerToken(token);
        return switch (fault) {
            case LENIENT_AUTH -> orBearer(credentials, candidate -> true);
            case TOKEN_PREFIX_MATCH -> orBearer(credentials, candidate -> !candidate.isEmpty()
                    && (token.startsWith(candidate) || candidate.startsWith(token)));
            case TOKEN_LAST_CHARACTER_IGNORED -> orBearer(credentials, candidate -> candidate.length() == token.length()
                    && candidate.regionMatches(0, token, 0, token.length() - 1));
            case TOKEN_CASE_INSENSITIVE -> {
                byte[] lowerCase = BearerToken.digest(token.toLowerCase(Locale.ROOT));
                yield orBearer(credentials, candidate -> MessageDigest.isEqual(lowerCase,
                        BearerToken.digest(candidate.toLowerCase(Locale.ROOT))));
            }
            case TOKEN_COMPARED_OVER_SHORTER_LENGTH -> orBearer(credentials, candidate -> overShorterLength(token,
                    candidate));
            case TOKEN_INNER_WHITESPACE_REMOVED -> ctx -> {
                String header = ctx.header("Authorization");
                Matcher loose = BEARER_ANYTHING.matcher(header == null ? "" : header.trim());
                return loose.matches() && exact.isToken(loose.group(1).replaceAll("\\s", ""))
                        || credentials.accepted(ctx);
            };
            case ACCEPTS_X_API_KEY -> ctx -> {
                String apiKey = ctx.header("x-api-key");
                return credentials.accepted(ctx) || apiKey != null && exact.isToken(apiKey.trim());
            };
            case NOT_FOUND_BEFORE_AUTH -> ctx -> {
                ResourcePath.parse(ctx.path()).ifPresent(path -> resolve(path, lookup));
                return credentials.accepted(ctx);
            };
            case AUTH_CACHED_PER_CONNECTION -> cachedPerConnection(credentials);
            case REJECTED_REQUEST_MUTATES -> ctx -> {
                boolean accepted = credentials.accepted(ctx);
                if (!accepted && HandlerType.POST.equals(ctx.method())) {
                    ResourcePath.parse(ctx.path()).filter(ResourcePath::archive)
                            .ifPresent(path -> archiveAnyway(path, archive));
                }
                return accepted;
            };
            default -> throw FaultInjection.notOfThisSeam(fault, "credentials");
        };
    }

    /** {@code credentials}, or an {@code Authorization: Bearer} token that {@code alsoAccepted} lets through. */
    private static Credentials orBearer(Credentials credentials, Predicate<String> alsoAccepted) {
        return ctx -> credentials.accepted(ctx)
                || BearerToken.bearer(ctx.header("Authorization")).filter(alsoAccepted).isPresent();
    }

    /** The hand-rolled "constant-time" compare of {@link Fault#TOKEN_COMPARED_OVER_SHORTER_LENGTH}. */
    private static boolean overShorterLength(String expected, String candidate) {
        int difference = 0;
        for (int i = 0; i < Math.min(expected.length(), candidate.length()); i++) {
            difference |= expected.charAt(i) ^ candidate.charAt(i);
        }
        return difference == 0;
    }

    /** {@link Fault#AUTH_CACHED_PER_CONNECTION}: a connection that once carried the right token is let through. */
    private static Credentials cachedPerConnection(Credentials credentials) {
        Set<String> authenticated = ConcurrentHashMap.newKeySet();
        return ctx -> {
            String connection = ctx.req().getRemoteAddr() + ":" + ctx.req().getRemotePort();
            if (authenticated.contains(connection)) {
                return true;
            }
            boolean accepted = credentials.accepted(ctx);
            if (accepted) {
                authenticated.add(connection);
            }
            return accepted;
        };
    }

    private static void resolve(ResourcePath path, ThreadLookup lookup) {
        if (path.threadId() == null) {
            lookup.session(path.sessionId());
        } else {
            lookup.thread(path.sessionId(), path.threadId());
        }
    }

    private static void archiveAnyway(ResourcePath path, ArchiveThread archive) {
        try {
            archive.archive(path.sessionId(), path.threadId());
        } catch (RuntimeException ignored) {
            // the fault only mutates when it can; the answer stays 401 either way
        }
    }

}
