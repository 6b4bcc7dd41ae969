package org.sessionthreads.conformance.junit;

/**
 * The run cannot start: bad profile, unreachable target. Every scenario reports this one line as its ERROR;
 * there is no stack trace because the message says everything a user can act on.
 */
final class TargetUnavailableException extends RuntimeException {
    private final String discoveryJson;

    TargetUnavailableException(String message) {
        this(message, null);
    }

    /** @param discoveryJson the discovery report behind the stop (for the summary), or null */
    TargetUnavailableException(String message, String discoveryJson) {
        super(message, null, false, false);
        this.discoveryJson = discoveryJson;
    }

    java.util.Optional<String> discoveryJson() {
        return java.util.Optional.ofNullable(discoveryJson);
    }
}
