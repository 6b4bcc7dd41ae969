package org.sessionthreads.conformance.explore;

import java.util.UUID;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Credentials;
import org.sessionthreads.conformance.client.RequestOptions;
import org.sessionthreads.conformance.client.ThreadRef;
import org.sessionthreads.conformance.client.ThreadsApi;
import org.sessionthreads.conformance.config.NearMissToken;
import org.sessionthreads.conformance.explore.model.Credential;
import org.sessionthreads.conformance.explore.model.Step;
import org.sessionthreads.conformance.fixture.Fixture;
import org.sessionthreads.conformance.fixture.UnknownIds;

/**
 * Sends the archive steps of one sequence: the thread each {@link org.sessionthreads.conformance.explore.model.Target}
 * names for this fixture, its bystander and the other session's child (idle children of other sessions), the credentials, and the sequence's own
 * Idempotency-Key. The unknown ids are drawn once per sequence, so a replay names the same ones.
 */
final class StepSender {
    private final ThreadsApi threads;
    private final Fixture fixture;
    private final Fixture bystander;
    private final Fixture other;
    private final String unknownSession = UnknownIds.session();
    private final String unknownThread = UnknownIds.thread();
    private final String key = "explore-" + UUID.randomUUID();
    private boolean keptAlive;

    /** @param other another session's child the sequence may archive (null when no step archives it) */
    StepSender(ThreadsApi threads, Fixture fixture, Fixture bystander, Fixture other) {
        this.threads = threads;
        this.fixture = fixture;
        this.bystander = bystander;
        this.other = other;
    }

    /**
     * Sends the step; a wrong token on a kept-alive connection goes out after a GET of the child with the profile's
     * token on the same connection ({@link #keptAlive}: whether it rode that connection).
     */
    ApiResponse send(Step.Archive step) {
        RequestOptions options = RequestOptions.defaults().withCredentials(credentials(step.credential()));
        RequestOptions sent = step.keyed() ? options.withIdempotencyKey(key) : options;
        if (step.credential() != Credential.WRONG_TOKEN_KEPT_ALIVE) {
            return threads.archive(named(step), sent);
        }
        ApiResponse[] answers = new ApiResponse[2];
        keptAlive = threads.onOneConnection(() -> {
            answers[0] = threads.get(fixture.thread());
            answers[1] = threads.archive(named(step), sent);
        }).oneConnection() && answers[0].status() == 200;
        return answers[1];
    }

    /** Requests {@link #send} sends for {@code step}. */
    static int requests(Step.Archive step) {
        return step.credential() == Credential.WRONG_TOKEN_KEPT_ALIVE ? 2 : 1;
    }

    /**
     * For the last wrong token sent on a kept-alive connection: true when it rode the connection that carried the
     * profile's token (a target may close a connection after any answer; then it was a wrong token like another).
     */
    boolean keptAlive() {
        return keptAlive;
    }

    /** The thread the step names, as a path names it. */
    ThreadRef named(Step.Archive step) {
        return switch (step.target()) {
            case CHILD -> fixture.thread();
            case COORDINATOR -> fixture.coordinator();
            case FOREIGN_THREAD -> new ThreadRef(fixture.sessionId(), bystander.threadId());
            case UNKNOWN_THREAD -> new ThreadRef(fixture.sessionId(), unknownThread);
            case UNKNOWN_SESSION -> new ThreadRef(unknownSession, fixture.threadId());
            case MALFORMED_THREAD -> new ThreadRef(fixture.sessionId(), "not-a-thread-id");
            case OTHER_SESSION_CHILD -> other.thread();
        };
    }

    private static Credentials credentials(Credential credential) {
        return switch (credential) {
            case PROFILE -> Credentials.profileToken();
            case WRONG_TOKEN, WRONG_TOKEN_KEPT_ALIVE ->
                    Credentials.authorization("Bearer pt-explore-wrong-token-0000000000");
            case NONE -> Credentials.none();
            case BASIC -> Credentials.authorization("Basic dXNlcjpwYXNzd29yZA==");
            case EMPTY_BEARER -> Credentials.authorization("Bearer ");
            case X_API_KEY -> Credentials.profileTokenIn("x-api-key");
            case OTHER_CASE -> Credentials.profileTokenInOtherCase();
            case NEAR_FIRST_CHARACTER -> Credentials.nearMiss(NearMissToken.FIRST_CHARACTER_CHANGED);
            case NEAR_LAST_CHARACTER -> Credentials.nearMiss(NearMissToken.LAST_CHARACTER_CHANGED);
            case NEAR_TRUNCATED -> Credentials.nearMiss(NearMissToken.TRUNCATED_BY_ONE);
            case NEAR_EXTENDED -> Credentials.nearMiss(NearMissToken.EXTENDED_BY_ONE);
            case NEAR_SPACE_INSIDE -> Credentials.nearMiss(NearMissToken.SPACE_INSIDE);
            case NEAR_TAB_INSIDE -> Credentials.nearMiss(NearMissToken.TAB_INSIDE);
        };
    }
}
