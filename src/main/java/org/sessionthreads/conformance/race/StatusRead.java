package org.sessionthreads.conformance.race;

import org.sessionthreads.conformance.client.ApiResponse;

/**
 * A GET of the raced thread after the round.
 *
 * @param threadStatus the thread's status when GET answered 200, else null
 */
public record StatusRead(int status, String threadStatus, String summary) {

    public static StatusRead of(ApiResponse response) {
        return new StatusRead(response.status(), response.status() == 200 ? response.thread().status() : null,
                response.exchange().summary());
    }
}
