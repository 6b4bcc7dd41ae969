package org.sessionthreads.conformance.config;

/** A profile or override that cannot be used; the message says which setting and why, in one line. */
public class ProfileException extends RuntimeException {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
