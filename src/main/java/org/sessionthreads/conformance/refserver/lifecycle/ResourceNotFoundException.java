package org.sessionthreads.conformance.refserver.lifecycle;

/**
 * A session or thread id in a request path does not name anything this server knows (unknown, malformed, or a
 * thread of another session). The message is the one of the wire contract.
 */
public final class ResourceNotFoundException extends RuntimeException {

    private ResourceNotFoundException(String message) {
        super(message);
    }

    public static ResourceNotFoundException session(String sessionId) {
        return new ResourceNotFoundException("Session '" + sessionId + "' was not found.");
    }

    public static ResourceNotFoundException thread(String threadId) {
        return new ResourceNotFoundException("Session thread '" + threadId + "' was not found.");
    }
}
