package org.sessionthreads.conformance.junit;

/**
 * The run cannot start: bad profile, unreachable target. Every scenario reports this one line as its ERROR;
 * there is no stack trace because the message says everything a user can act on.
 */
final class TargetUnavailableException extends RuntimeException {
    TargetUnavailableException(String message) {
        super(message, null, false, false);
    }
}
