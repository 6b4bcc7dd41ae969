package org.sessionthreads.conformance.race;

import org.sessionthreads.conformance.client.ApiResponse;

/**
 * One archive answer as the race judges read it.
 *
 * @param archivedAt {@code archived_at} of a 200 answer's body (null otherwise or when absent)
 * @param summary    the exchange's summary line, quoted by the evidence
 */
public record Answer(int status, String archivedAt, String summary) {

    public static Answer of(ApiResponse response) {
        return new Answer(response.status(), response.status() == 200 ? response.thread().archivedAt() : null,
                response.exchange().summary());
    }
}
