package org.sessionthreads.conformance.client;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code x-request-id} values one client sends: {@code <prefix>-<8 hex of this client>-<n>}, so every exchange
 * in a report can be found in the target's logs. Thread-safe.
 */
public final class RequestIds {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public RequestIds(String prefix) {
        this.prefix = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    public String next() {
        return prefix + counter.incrementAndGet();
    }
}
