package org.sessionthreads.conformance.schema;

import java.util.Optional;

import org.sessionthreads.conformance.config.Dialect;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which documented dialect a Session Thread body looks like, from the few fields that tell them apart
 * (api-digest §2a): the CAS export's thread has no {@code role} and, once archived, status {@code terminated};
 * the Forward thread has {@code template_id} and no {@code agent}; the archive page's has {@code role},
 * {@code stop_reason} and an {@code agent}. Used where a thread fails its dialect's schema, so that a run against
 * a server of another dialect says so in one line instead of a list of schema violations.
 *
 * <pre>{@code
 * DialectGuess.of("{\"status\":\"terminated\",\"archived_at\":\"…\"}")
 *   // Optional[cas: thread has status `terminated` and no `role`]
 * }</pre>
 *
 * @param dialect  the dialect the body looks like
 * @param evidence the fields that say so, for the failure message
 */
public record DialectGuess(Dialect dialect, String evidence) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The dialect {@code body} looks like; empty when it is not a JSON object or matches none clearly. */
    public static Optional<DialectGuess> of(String body) {
        JsonNode thread;
        try {
            thread = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (thread == null || !thread.isObject()) {
            return Optional.empty();
        }
        boolean role = thread.hasNonNull("role");
        boolean agent = thread.hasNonNull("agent");
        String status = thread.path("status").asString("");
        if (!role && !thread.has("stop_reason") && (status.equals("terminated") || thread.has("stats"))) {
            return Optional.of(new DialectGuess(Dialect.CAS, "thread has status `" + status + "` and no `role` or "
                    + "`stop_reason`"));
        }
        if (thread.hasNonNull("template_id") && !agent) {
            return Optional.of(new DialectGuess(Dialect.FORWARD, "thread has `template_id` and no `agent`"));
        }
        if (role && agent && thread.has("stop_reason") && !thread.has("template_id")) {
            return Optional.of(new DialectGuess(Dialect.ARCHIVE_PAGE, "thread has `role`, `stop_reason` and an "
                    + "`agent` snapshot, no `template_id`"));
        }
        return Optional.empty();
    }

    /**
     * The dialect a 409 error body looks like: {@code conflict_error} with an {@code error.code} is the Forward
     * API's, {@code invalid_request_error} the archive page's; anything else (the CAS export's type is not shown)
     * gives no guess.
     */
    public static Optional<DialectGuess> ofConflict(String body) {
        JsonNode error;
        try {
            error = body == null || body.isBlank() ? null : JSON.readTree(body).path("error");
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (error == null || !error.isObject()) {
            return Optional.empty();
        }
        String type = error.path("type").asString("");
        if (type.equals("conflict_error") && error.hasNonNull("code")) {
            return Optional.of(new DialectGuess(Dialect.FORWARD, "the 409 has error.type `conflict_error` and "
                    + "error.code `" + error.path("code").asString("") + "`"));
        }
        if (type.equals("invalid_request_error") && !error.has("code")) {
            return Optional.of(new DialectGuess(Dialect.ARCHIVE_PAGE, "the 409 has error.type "
                    + "`invalid_request_error` and no error.code"));
        }
        return Optional.empty();
    }

    /** A guess from a 409 body of another dialect than {@code expected}, or empty. */
    public static Optional<DialectGuess> conflictMismatch(String body, Dialect expected) {
        return ofConflict(body).filter(guess -> guess.dialect() != expected);
    }

    /** A guess of another dialect than {@code expected}, or empty. */
    public static Optional<DialectGuess> mismatch(String body, Dialect expected) {
        return of(body).filter(guess -> guess.dialect() != expected);
    }

    /** The one line for a failure message, naming the setting to change. */
    public String advice() {
        return evidence + ": this looks like the " + dialect.wireName() + " dialect; set dialect: "
                + dialect.wireName();
    }
}
