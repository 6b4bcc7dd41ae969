package org.sessionthreads.conformance.discovery;

import java.util.Optional;
import java.util.function.Supplier;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.TransportException;

/** Sending one probe request: no answer is a value (empty), never an exception that would stop the run. */
final class Answers {
    private Answers() {
    }

    static Optional<ApiResponse> send(Supplier<ApiResponse> request) {
        try {
            return Optional.of(request.get());
        } catch (TransportException e) {
            return Optional.empty();
        }
    }

    /** The exchange line a finding quotes as its evidence (redacted). */
    static String evidence(ApiResponse response) {
        return response.exchange().summary();
    }
}
