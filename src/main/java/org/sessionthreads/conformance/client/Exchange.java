package org.sessionthreads.conformance.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer, already redacted: this is what reports see. {@code status} is 0 when no answer
 * arrived ({@code failure} then says why). {@code profileToken} is true when the request carried the profile's own
 * token as its bearer credential ({@link Credentials#profileToken()}): an answer the suite expects the target to
 * accept, so a 401 to it means the token is refused, unlike a 401 to a deliberately wrong credential.
 */
public record Exchange(
        String method,
        String url,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody,
        Instant startedAt,
        Duration duration,
        String requestId,
        String failure,
        boolean profileToken) {

    /** {@code POST /v1/sessions/…/archive → 409 (request_id req_…, 3 ms)}, the line failure messages quote. */
    public String summary() {
        String answer = status == 0 ? "no answer: " + failure : String.valueOf(status);
        return method + " " + url + " → " + answer + " (request_id " + requestId + ", " + duration.toMillis() + " ms)";
    }
}
