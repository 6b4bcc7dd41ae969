package org.sessionthreads.conformance.assertions;

import org.sessionthreads.conformance.client.ApiResponse;
import org.sessionthreads.conformance.client.Event;
import org.sessionthreads.conformance.client.SessionThread;

/**
 * Entry point of the suite's assertions, in AssertJ style. Failure messages read "Expecting … but …" and name the
 * exchange ({@code POST …/archive → 200, request_id …}) so a failure can be found in the target's logs.
 *
 * <pre>{@code
 * assertThat(response).hasStatus(200).conformsTo(Schemas.SESSION_THREAD);   // passes for a valid 200 thread
 * assertThat(response).isError(409, "invalid_request_error");              // fails for a 200 answer
 * }</pre>
 */
public final class ConformanceAssertions {
    private ConformanceAssertions() {
    }

    public static ApiResponseAssert assertThat(ApiResponse response) {
        return new ApiResponseAssert(response);
    }

    /** Assertions on a thread read outside of a response (e.g. a state captured earlier). */
    public static ThreadAssert assertThat(SessionThread thread) {
        return new ThreadAssert(thread, "");
    }

    public static EventAssert assertThat(Event event) {
        return new EventAssert(event);
    }
}
