package org.sessionthreads.conformance.client;

/**
 * No HTTP answer: connection refused, timeout, reset. This is an ERROR of the run (the target or the network),
 * never a FAIL of a requirement, so it is not an AssertionError. Its stack trace is left out: the message says it all.
 */
public class TransportException extends RuntimeException {
    public TransportException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
