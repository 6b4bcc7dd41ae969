package org.sessionthreads.conformance.refserver.faults;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids in a raw {@code /v1/sessions/…} request path, read before routing. Only the faults that act before
 * authentication need this ({@code NOT_FOUND_BEFORE_AUTH}, {@code REJECTED_REQUEST_MUTATES}); normal handlers use
 * Javalin's path parameters.
 *
 * @param threadId {@code null} for session-level paths
 * @param archive  true for {@code …/threads/{thread_id}/archive}
 */
record ResourcePath(String sessionId, String threadId, boolean archive) {
    private static final Pattern PATH =
            Pattern.compile("^/v1/sessions/([^/]+)(?:/threads(?:/([^/]+)(/archive)?)?)?(?:/.*)?$");

    static Optional<ResourcePath> parse(String path) {
        Matcher matcher = PATH.matcher(path == null ? "" : path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(matcher.group(1), matcher.group(2), matcher.group(3) != null));
    }
}
