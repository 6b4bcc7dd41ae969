package org.sessionthreads.conformance.refserver.store;

import org.sessionthreads.conformance.refserver.model.IdPrefix;

/** A thread-to-thread message waiting in the mailbox of {@code toThreadId}. */
public record PendingMessage(String id, String fromThreadId, String toThreadId, String text) {

    public static PendingMessage of(String fromThreadId, String toThreadId, String text) {
        return new PendingMessage(IdPrefix.MESSAGE.next(), fromThreadId, toThreadId, text);
    }
}
