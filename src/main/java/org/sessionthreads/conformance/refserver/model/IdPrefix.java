package org.sessionthreads.conformance.refserver.model;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The prefixes of the identifiers the reference server hands out. Every id is the prefix followed by 32 lowercase
 * hex characters laid out like a UUIDv7: a 48-bit millisecond timestamp, the version nibble, a 12-bit sequence that
 * keeps ids of one millisecond in creation order, then random bits. So ids sort by creation time, like the real
 * service's ids; clients must not rely on that.
 */
public enum IdPrefix {
    SESSION("sess_"),
    THREAD("sthr_"),
    AGENT("agent_"),
    TOOL_USE("toolu_"),
    EVENT("evt_"),
    MESSAGE("msg_"),
    REQUEST("req_");

    /** Millisecond timestamp shifted left by 12, plus the sequence within that millisecond. */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private final String prefix;

    IdPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** A fresh id such as {@code sthr_019f3c2a7b1e7c4d9a0b1c2d3e4f5a6b}. */
    public String next() {
        long stamp = LAST_STAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0fffL);
        long low = (ThreadLocalRandom.current().nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return prefix + String.format("%016x%016x", high, low);
    }

    public String prefix() {
        return prefix;
    }
}
