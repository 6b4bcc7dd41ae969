package org.sessionthreads.conformance.client;

/** Addresses one thread: the two path parameters of the archive endpoint. */
public record ThreadRef(String sessionId, String threadId) {
    @Override
    public String toString() {
        return sessionId + "/" + threadId;
    }
}
