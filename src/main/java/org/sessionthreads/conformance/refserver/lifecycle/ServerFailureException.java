package org.sessionthreads.conformance.refserver.lifecycle;

/**
 * A failure the server answers with 500 {@code api_error}, the way a careless implementation surfaces an internal
 * problem (a lock it could not get, an id it could not parse). Only faults throw it; it is not logged.
 */
public final class ServerFailureException extends RuntimeException {

    public ServerFailureException(String message) {
        super(message, null, false, false);
    }
}
