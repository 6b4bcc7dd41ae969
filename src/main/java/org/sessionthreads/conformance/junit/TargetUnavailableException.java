package org.sessionthreads.conformance.junit;

import org.sessionthreads.conformance.discovery.DiscoveryReport;

/**
 * The run cannot start: bad profile, unreachable target. Every scenario reports this one line as its ERROR;
 * there is no stack trace because the message says everything a user can act on.
 */
final class TargetUnavailableException extends RuntimeException {
    private final transient DiscoveryReport discovery;

    TargetUnavailableException(String message) {
        this(message, null);
    }

    /** @param discovery the discovery report behind the stop (for the summary), or null */
    TargetUnavailableException(String message, DiscoveryReport discovery) {
        super(message, null, false, false);
        this.discovery = discovery;
    }

    java.util.Optional<DiscoveryReport> discovery() {
        return java.util.Optional.ofNullable(discovery);
    }
}
